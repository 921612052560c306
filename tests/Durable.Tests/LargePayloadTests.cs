using System.Text;
using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class LargePayloadTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(200_000)]
    [InlineData(2_000_000)]
    public async Task LargeInputsOutputsAndEvents_RoundTripIntact(int length)
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<string, string>("Reverse", (_, text) => Task.FromResult(new string([.. text.Reverse()])))
            .AddOrchestratorFunc<string, LargeResult>("Large", async (context, input) =>
            {
                var reversed = await context.CallActivityAsync<string>("Reverse", input);
                context.SetCustomStatus("waiting " + new string('s', 40_000));
                var payload = await context.WaitForExternalEvent<string>("payload");
                return new LargeResult(input, reversed, payload);
            }));
        var input = Text(length, seed: 1);
        var eventPayload = Text(length, seed: 2);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Large", input);
        var waiting = await host.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);
        await host.Client.RaiseEventAsync(id, "payload", eventPayload);
        var result = await host.WaitAsync(id);

        Assert.Equal("waiting " + new string('s', 40_000), waiting.ReadCustomStatusAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(input, result.ReadInputAs<string>());
        var output = result.ReadOutputAs<LargeResult>()!;
        Assert.Equal(input, output.Input);
        Assert.Equal(new string([.. input.Reverse()]), output.Reversed);
        Assert.Equal(eventPayload, output.EventPayload);
    }

    /// <summary>Varied text with characters JSON must escape, so chunking and blob paths see realistic content.</summary>
    private static string Text(int length, int seed)
    {
        var random = new Random(seed);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \"\\/\n\t<>&é€";
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    public sealed record LargeResult(string Input, string Reversed, string EventPayload);
}
