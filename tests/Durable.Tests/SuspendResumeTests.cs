using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class SuspendResumeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SuspendedInstance_HoldsEventsUntilResumed()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddOrchestratorFunc<string, string>("Approval", async (context, _) =>
            {
                var decision = await context.WaitForExternalEvent<string>("decision");
                context.SetCustomStatus("decided");
                return decision;
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await host.Client.SuspendInstanceAsync(id, "maintenance window");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await host.Client.RaiseEventAsync(id, "decision", "approved");

        // Once the event is recorded, the orchestration has seen everything it could act on; it must not have.
        await host.WaitForHistoryAsync(id, history => history.OfType<EventRaised>().Any());
        var held = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, held!.RuntimeStatus);
        Assert.Null(held.SerializedOutput);
        Assert.Null(held.SerializedCustomStatus);

        await host.Client.ResumeInstanceAsync(id, "window over");
        var result = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("approved", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SuspendedInstance_CanStillBeTerminated()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddOrchestratorFunc<string, string>("WaitForever", (context, _) => context.WaitForExternalEvent<string>("never")));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("WaitForever");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await host.Client.SuspendInstanceAsync(id);
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);

        await host.Client.TerminateInstanceAsync(id, "abandoned");
        var result = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
    }
}
