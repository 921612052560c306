using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

/// <summary>The engine driven one message at a time by a queue trigger, as under the Azure Functions host.</summary>
public sealed class QueueTriggerModeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Orchestration_DrivenByQueueTriggers_CompletesLikeUnderTheSelfHostedWorker()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2))
            .AddOrchestratorFunc<int, int>("ChainFanOutTimer", async (context, n) =>
            {
                var value = await context.CallActivityAsync<int>("Double", n);
                var fanned = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => context.CallActivityAsync<int>("Double", value)));
                await context.CreateTimer(TimeSpan.FromMilliseconds(500), CancellationToken.None);
                return fanned.Sum() + await context.WaitForExternalEvent<int>("bonus");
            }),
            runWorker: false);
        await using var trigger = new QueueTriggerHost(host, azurite.ConnectionString);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("ChainFanOutTimer", 3);
        await host.WaitForHistoryAsync(id, history => history.OfType<TimerFired>().Any());
        await host.Client.RaiseEventAsync(id, "bonus", 1);
        var result = await host.WaitAsync(id);
        var history = await host.Client.GetOrchestrationHistoryAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(49, result.ReadOutputAs<int>());
        HistoryAssert.EachStepCommittedOnce(history);
        Assert.True(trigger.Invocations >= 11, $"{trigger.Invocations} invocations; every step should have come through the trigger");
    }
}
