using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class TerminateTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Terminate_RunningInstance_EndsTerminatedWithTheReasonAsOutput()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), RegisterWaitForever);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("WaitForever");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await host.Client.TerminateInstanceAsync(id, "operator gave up");
        var result = await host.WaitAsync(id);
        var history = await host.Client.GetOrchestrationHistoryAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("operator gave up", result.ReadOutputAs<string>());
        Assert.Single(history.OfType<ExecutionTerminated>());
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, Assert.IsType<ExecutionCompleted>(history[^1]).Status);
    }

    [Fact]
    public async Task Terminate_InstanceNotStartedYet_EndsTerminatedAndNeverRuns()
    {
        var runs = 0;
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddOrchestratorFunc<string, string>("Later", (_, _) =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromResult("ran");
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Later", null, new StartOrchestrationOptions(StartAt: DateTimeOffset.UtcNow.AddMinutes(10)));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.Client.TerminateInstanceAsync(id, "cancelled before start");
        var result = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("cancelled before start", result.ReadOutputAs<string>());
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task Terminate_UnknownInstance_ThrowsNotFound()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), RegisterWaitForever, runWorker: false);

        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => host.Client.TerminateInstanceAsync("no-such-instance", "why"));
    }

    private static void RegisterWaitForever(DurableTaskRegistry registry) => registry
        .AddOrchestratorFunc<string, string>("WaitForever", (context, _) => context.WaitForExternalEvent<string>("never"));
}
