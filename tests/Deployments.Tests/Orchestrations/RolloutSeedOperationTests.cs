using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Service;
using static Deployments.Tests.Orchestrations.RolloutPlanBuilder;
using static Deployments.Tests.Orchestrations.RolloutScript;

namespace Deployments.Tests.Orchestrations;

/// <summary>Seed operations as their documents describe them: promotion reported, a health verdict acted on, counts honoured.</summary>
public sealed class RolloutSeedOperationTests
{
    [Fact]
    public async Task Rollout_CanaryFinishedThroughTimedPauses_ReportsItsGroupsPromoted()
    {
        var context = Script(Canary(instances: 2, new CanaryStep(50, TimeSpan.FromMinutes(1)), new CanaryStep(100)).Build());

        var outcome = await Run(context);

        Assert.Equal(DeploymentStatus.Successful, outcome.Status);
        Assert.True(Updates(context)[^1].Groups![Group].Promoted);
        Assert.Empty(context.CallsOf(RolloutActivities.StartRollback));
    }

    [Fact]
    public async Task Rollout_Rolling_NeverReportsPromotion()
    {
        var context = Script(Rolling(instances: 2).Build());

        await Run(context);

        Assert.False(Updates(context)[^1].Groups![Group].Promoted);
    }

    [Fact]
    public async Task Rollout_WhenAllocationsAreMarkedUnhealthy_FailsAtOnceAndRevertsToTheStableRevision()
    {
        var (context, run) = StartStuckInFirstBatch(Rolling(instances: 2).AutoRevert().With(o => o with { HealthCheck = HealthCheckMode.Manual }).Build());

        var outcome = await SendAsync(context, run, DeploymentCommandKind.MarkedUnhealthy, "quinn", "quinn marked allocation(s) 1 unhealthy");

        var description = StatusDescriptions.RollingBack(StatusDescriptions.FailedUnhealthy, OldRevision);
        Assert.Equal(new RolloutOutcome(DeploymentStatus.Failed, description, RollbackId), outcome);
        Assert.All(context.Timers, due => Assert.Equal(ScriptedOrchestrationContext.Start.AddSeconds(1), due));
        var failed = Updates(context).Single(u => u.Kind == "failed");
        Assert.Equal(("quinn marked allocation(s) 1 unhealthy", "quinn"), (failed.Message, failed.Actor));
    }

    [Fact]
    public async Task Rollout_WhenAllocationsAreMarkedUnhealthyWhilePaused_Fails()
    {
        var (context, run) = StartStuckInFirstBatch(Rolling(instances: 1).Build());
        context.Raise(RolloutActivities.CommandEvent, new RolloutCommand(DeploymentCommandKind.Pause, "quinn"));

        var outcome = await SendAsync(context, run, DeploymentCommandKind.MarkedUnhealthy, "quinn");

        Assert.Equal(new RolloutOutcome(DeploymentStatus.Failed, StatusDescriptions.FailedUnhealthy), outcome);
    }

    [Fact]
    public async Task Rollout_OfTheRunningRevisionWithFewerInstances_StopsTheSurplus()
    {
        var context = Script(Rolling(instances: 1).Running((NewRevision, 3)).Build());

        var outcome = await Run(context);

        Assert.Equal(DeploymentStatus.Successful, outcome.Status);
        Assert.Empty(context.CallsOf(RolloutActivities.Place));
        var stopped = context.InputsOf<StopRequest>(RolloutActivities.Stop).Single();
        Assert.Equal(("scaled down", 2), (stopped.Reason, stopped.AllocationIds.Count));
        Assert.Equal(new GroupState(1, 1, 1, 0, 0, false), Updates(context)[^1].Groups![Group]);
    }

    [Fact]
    public async Task Rollout_OfTheRunningRevisionWithMoreInstances_PlacesOnlyTheMissingOnes()
    {
        var context = Script(Rolling(instances: 3).Running((NewRevision, 1)).Build());

        await Run(context);

        Assert.Equal(2, context.InputsOf<PlaceRequest>(RolloutActivities.Place).Sum(p => p.Allocations.Count));
        Assert.Empty(context.CallsOf(RolloutActivities.Stop));
        Assert.Equal(new GroupState(3, 3, 3, 0, 0, false), Updates(context)[^1].Groups![Group]);
    }
}
