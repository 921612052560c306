using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class TimerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Timer_DoesNotFireBeforeItsFireTime()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddOrchestratorFunc<int, DateTime[]>("Sleep", async (context, milliseconds) =>
            {
                var before = context.CurrentUtcDateTime;
                await context.CreateTimer(TimeSpan.FromMilliseconds(milliseconds), CancellationToken.None);
                return [before, context.CurrentUtcDateTime];
            }));

        var result = await host.RunAsync("Sleep", 2000);
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var times = result.ReadOutputAs<DateTime[]>()!;
        var created = Assert.Single(history.OfType<TimerCreated>());
        Assert.Equal(times[0].AddSeconds(2), created.FireAt);
        Assert.True(times[1] >= created.FireAt, $"the orchestration resumed at {times[1]:O}, before the timer's fire time {created.FireAt:O}");
        var fired = Assert.Single(history.OfType<TimerFired>());
        Assert.Equal(created.TaskId, fired.TimerId);
    }

    [Fact]
    public async Task Timer_CancelledByOrchestratorCode_LetsTheOrchestrationFinishWithoutWaiting()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddOrchestratorFunc<string, string>("ApprovalOrTimeout", async (context, _) =>
            {
                using var cancelTimer = new CancellationTokenSource();
                var approval = context.WaitForExternalEvent<string>("approval");
                var deadline = context.CreateTimer(TimeSpan.FromHours(1), cancelTimer.Token);
                context.SetCustomStatus("waiting");
                if (await Task.WhenAny(approval, deadline) == approval)
                {
                    cancelTimer.Cancel();
                    return await approval;
                }

                return "timed out";
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("ApprovalOrTimeout");
        await host.WaitUntilAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting");
        await host.Client.RaiseEventAsync(id, "approval", "approved by ops");
        var result = await host.WaitAsync(id, TimeSpan.FromSeconds(30));
        var history = await host.Client.GetOrchestrationHistoryAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("approved by ops", result.ReadOutputAs<string>());
        Assert.Single(history.OfType<TimerCreated>());
        Assert.Empty(history.OfType<TimerFired>());
    }
}
