using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class StartInstanceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Start_WithIdOfRunningInstance_IsRefusedAndCreatesNoSecondExecution()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), RegisterEcho);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("EchoAfterEvent", "first", new StartOrchestrationOptions("order-42"));
        var running = await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        var refused = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("EchoAfterEvent", "second", new StartOrchestrationOptions("order-42")));
        await host.Client.RaiseEventAsync(id, "go");
        var result = await host.WaitAsync(id);
        var history = await host.Client.GetOrchestrationHistoryAsync(id);

        Assert.Equal("order-42", refused.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Running, refused.Status);
        Assert.Equal(running.ExecutionId, result.ExecutionId);
        Assert.Equal("first", result.ReadOutputAs<string>());
        Assert.Equal("first", Assert.Single(history.OfType<ExecutionStarted>()).Input is { } input ? DurableJson.Deserialize<string>(input) : null);
    }

    [Fact]
    public async Task Start_WithIdOfCompletedInstance_RunsANewExecution()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddOrchestratorFunc<string, string>("Echo", (_, input) => Task.FromResult(input)));
        var first = await host.RunAsync("Echo", "first", "order-7");

        var second = await host.RunAsync("Echo", "second", "order-7");
        var history = await host.Client.GetOrchestrationHistoryAsync("order-7");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, second.RuntimeStatus);
        Assert.Equal("second", second.ReadOutputAs<string>());
        Assert.NotEqual(first.ExecutionId, second.ExecutionId);
        Assert.Equal(second.ExecutionId, Assert.Single(history.OfType<ExecutionStarted>()).ExecutionId);
    }

    private static void RegisterEcho(DurableTaskRegistry registry) => registry
        .AddOrchestratorFunc<string, string>("EchoAfterEvent", async (context, input) =>
        {
            await context.WaitForExternalEvent<string>("go");
            return input;
        });
}
