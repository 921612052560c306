using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Rules;
using Deployments.Service;
using static Deployments.Tests.Orchestrations.RolloutPlanBuilder;
using static Deployments.Tests.Orchestrations.RolloutScript;

namespace Deployments.Tests.Orchestrations;

/// <summary>The rollout's decisions, with every activity scripted: no engine, no storage, no clock.</summary>
public sealed class RolloutOrchestratorTests
{
    [Fact]
    public async Task Rollout_Rolling_PlacesBatchesOfMaxInFlightEachHealthyBeforeOldOnesStop()
    {
        var context = Script(Rolling(instances: 3).MaxInFlight(2).Build());

        var outcome = await Run(context);

        Assert.Equal(new RolloutOutcome(DeploymentStatus.Successful, StatusDescriptions.Successful), outcome);
        Assert.Equal(
        [
            "LoadRolloutPlan",
            "UpdateDeployment:started",
            "PlaceAllocations:2@r2", "UpdateDeployment:progress", "CheckAllocationHealth:2", "StopAllocations:2(replaced)", "UpdateDeployment:progress",
            "PlaceAllocations:1@r2", "UpdateDeployment:progress", "CheckAllocationHealth:1", "StopAllocations:1(replaced)", "UpdateDeployment:progress",
            "CheckAllocationHealth:3",
            "CompleteRollout",
            "UpdateDeployment:succeeded",
        ], Trace(context));
        var placed = context.InputsOf<PlaceRequest>(RolloutActivities.Place).SelectMany(p => p.Allocations).ToList();
        Assert.All(placed, a => Assert.False(a.Canary));
        Assert.Equal(
            [.. placed.Take(2).Select(a => a.Id), .. placed.Skip(2).Select(a => a.Id), .. placed.Select(a => a.Id)],
            context.InputsOf<HealthRequest>(RolloutActivities.CheckHealth).SelectMany(h => h.AllocationIds));
        Assert.Equal([OldAllocationId(1), OldAllocationId(2), OldAllocationId(3)],
            context.InputsOf<StopRequest>(RolloutActivities.Stop).SelectMany(s => s.AllocationIds));
        Assert.Equal([DeploymentId], context.InputsOf<Guid>(RolloutActivities.Complete));
        var succeeded = Updates(context)[^1];
        Assert.Equal(DeploymentCommand.Succeed, succeeded.Command);
        Assert.Equal(StatusDescriptions.Successful, succeeded.Description);
        Assert.Equal(new GroupState(3, 3, 3, 0, 0, false), succeeded.Groups![Group]);
    }

    [Fact]
    public async Task Rollout_Canary_PausesForPromotionAfterAStepAndFinishesOnPromote()
    {
        var context = Script(Canary(instances: 2, new CanaryStep(50), new CanaryStep(100)).Build());

        var run = Run(context);

        Assert.False(run.IsCompleted, "the canary should wait for promotion after its first step");
        Assert.Equal(
        [
            "LoadRolloutPlan",
            "UpdateDeployment:started",
            "PlaceAllocations:1@r2", "UpdateDeployment:progress", "CheckAllocationHealth:1", "UpdateDeployment:progress",
            "UpdateDeployment:step",
            "UpdateDeployment:awaiting-promotion",
        ], Trace(context));
        Assert.True(context.InputsOf<PlaceRequest>(RolloutActivities.Place).Single().Allocations.Single().Canary);
        Assert.Equal(StatusDescriptions.RequiresPromotionAtStep(1, 2), Updates(context)[^1].Description);

        var before = context.Calls.Count;
        var outcome = await SendAsync(context, run, DeploymentCommandKind.Promote);

        Assert.Equal(DeploymentStatus.Successful, outcome.Status);
        Assert.Equal(
        [
            "UpdateDeployment:resumed",
            "PlaceAllocations:1@r2", "UpdateDeployment:progress", "CheckAllocationHealth:1", "StopAllocations:1(replaced)", "UpdateDeployment:progress",
            "StopAllocations:1(replaced)",
            "CheckAllocationHealth:2",
            "CompleteRollout",
            "UpdateDeployment:succeeded",
        ], Trace(context).Skip(before));
        Assert.Equal(2, Updates(context)[^1].CurrentStep);
    }

    [Fact]
    public async Task Rollout_CanaryWithTimedPause_ContinuesWhenItsTimerFires()
    {
        var pause = TimeSpan.FromMinutes(5);
        var context = Script(Canary(instances: 2, new CanaryStep(50, pause), new CanaryStep(100)).Build());

        var outcome = await Run(context);

        Assert.Equal(DeploymentStatus.Successful, outcome.Status);
        Assert.Equal([ScriptedOrchestrationContext.Start + pause], context.Timers);
        Assert.Contains(Updates(context), u => u.Kind == "paused" && u.Description == StatusDescriptions.PausedForDuration(1, 2, pause));
        Assert.DoesNotContain(Updates(context), u => u.Kind == "awaiting-promotion");
    }

    [Fact]
    public async Task Rollout_WhenFailedByUserWithAutoRevert_EndsFailedAndStartsRollbackToStableRevision()
    {
        var context = Script(Canary(instances: 2, new CanaryStep(50)).AutoRevert().Build());
        var run = Run(context);

        var outcome = await SendAsync(context, run, DeploymentCommandKind.Fail, reason: "error rate doubled");

        var description = StatusDescriptions.RollingBack(StatusDescriptions.FailedByUser, OldRevision);
        Assert.Equal(new RolloutOutcome(DeploymentStatus.Failed, description, RollbackId), outcome);
        Assert.Equal(["UpdateDeployment:awaiting-promotion", "UpdateDeployment:failed", "StartRollback", "UpdateDeployment:rollback-started"], Trace(context).TakeLast(4));
        var failed = Updates(context).Single(u => u.Kind == "failed");
        Assert.Equal(("error rate doubled", DeploymentCommand.Fail, description, "alice"), (failed.Message, failed.Command, failed.Description, failed.Actor));
        Assert.Equal(new RollbackRequest(AppId, OldRevision, DeploymentId, description), context.InputsOf<RollbackRequest>(RolloutActivities.StartRollback).Single());
        Assert.Empty(context.CallsOf(RolloutActivities.Complete));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Rollout_WhenFailedWithoutAutoRevertOrStableRevision_StartsNoRollback(bool autoRevert, bool hasStableRevision)
    {
        var plan = Canary(instances: 2, new CanaryStep(50));
        plan = autoRevert ? plan.AutoRevert() : plan;
        plan = hasStableRevision ? plan : plan.WithoutStableRevision();
        var context = Script(plan.Build());
        var run = Run(context);

        var outcome = await SendAsync(context, run, DeploymentCommandKind.Fail);

        Assert.Equal(new RolloutOutcome(DeploymentStatus.Failed, StatusDescriptions.FailedByUser), outcome);
        Assert.Empty(context.CallsOf(RolloutActivities.StartRollback));
        Assert.Equal(StatusDescriptions.FailedByUser, Updates(context)[^1].Message);
    }

    [Fact]
    public async Task Rollout_WhenLoadPlanFails_EndsFailedWithReason()
    {
        var context = new ScriptedOrchestrationContext().Fails(RolloutActivities.LoadPlan, "App a0000000 was not found");

        var outcome = await Run(context);

        Assert.Equal(new RolloutOutcome(DeploymentStatus.Failed, StatusDescriptions.FailedStepError), outcome);
        Assert.Equal(["LoadRolloutPlan", "UpdateDeployment:failed"], Trace(context));
        var failed = Updates(context).Single();
        Assert.Equal(DeploymentId, failed.DeploymentId);
        Assert.Equal(StatusDescriptions.StepFailed(RolloutActivities.LoadPlan, "App a0000000 was not found"), failed.Message);
        Assert.Equal((DeploymentCommand.Fail, StatusDescriptions.FailedStepError), (failed.Command, failed.Description));
    }

    [Fact]
    public async Task Rollout_WhenPlatformRefusesPlacement_EndsFailedWithStepReasonAndPlacesNothingMore()
    {
        var context = Script(Rolling(instances: 3).Build()).Fails(RolloutActivities.Place, "quota exceeded");

        var outcome = await Run(context);

        Assert.Equal(new RolloutOutcome(DeploymentStatus.Failed, StatusDescriptions.FailedStepError), outcome);
        Assert.Equal(["LoadRolloutPlan", "UpdateDeployment:started", "PlaceAllocations:1@r2", "UpdateDeployment:failed"], Trace(context));
        Assert.Equal(StatusDescriptions.StepFailed(RolloutActivities.Place, "quota exceeded"), Updates(context)[^1].Message);
    }

    [Fact]
    public async Task Rollout_WhenBatchStaysUnhealthyPastHealthyDeadline_EndsFailedAndRevertsToStableRevision()
    {
        var context = Script(Rolling(instances: 1).AutoRevert().With(o => o with { HealthyDeadline = TimeSpan.FromSeconds(3) }).Build())
            .OnActivity<HealthRequest>(RolloutActivities.CheckHealth, h => new HealthSummary(0, h.AllocationIds.Count, 0, []));

        var outcome = await Run(context);

        var description = StatusDescriptions.RollingBack(StatusDescriptions.FailedUnhealthy, OldRevision);
        Assert.Equal(new RolloutOutcome(DeploymentStatus.Failed, description, RollbackId), outcome);
        Assert.Equal(4, context.CallsOf(RolloutActivities.CheckHealth).Count());
        Assert.Equal([.. Enumerable.Range(1, 3).Select(s => ScriptedOrchestrationContext.Start.AddSeconds(s))], context.Timers);
        Assert.Equal("1 of 1 allocations of group web did not become healthy", Updates(context).Single(u => u.Kind == "failed").Message);
        Assert.Empty(context.CallsOf(RolloutActivities.Stop));
    }

    [Fact]
    public async Task Rollout_WhenCancelledMidway_RestoresPreviousRevisionAndStopsWhatItPlaced()
    {
        var (context, run) = StartStuckInSecondBatch();
        Assert.False(run.IsCompleted, "the second batch should be waiting to become healthy");

        var outcome = await SendAsync(context, run, DeploymentCommandKind.Cancel, "bob", "wrong build");

        Assert.Equal(new RolloutOutcome(DeploymentStatus.Cancelled, StatusDescriptions.CancelledByUser), outcome);
        Assert.Equal(["CheckAllocationHealth:1", "PlaceAllocations:1@r1", "StopAllocations:2(deployment cancelled)", "UpdateDeployment:cancelled"], Trace(context).TakeLast(4));
        var placedNew = context.InputsOf<PlaceRequest>(RolloutActivities.Place).Where(p => p.Revision == NewRevision).SelectMany(p => p.Allocations.Select(a => a.Id));
        Assert.Equal(placedNew, context.InputsOf<StopRequest>(RolloutActivities.Stop).Last().AllocationIds);
        var cancelled = Updates(context)[^1];
        Assert.Equal(("wrong build", DeploymentCommand.Cancel, StatusDescriptions.CancelledByUser, "bob"), (cancelled.Message, cancelled.Command, cancelled.Description, cancelled.Actor));
        Assert.Empty(context.CallsOf(RolloutActivities.StartRollback));
    }

    [Fact]
    public async Task Rollout_WhenSuperseded_EndsCancelledAndLeavesAllocationsToTheNewerDeployment()
    {
        var (context, run) = StartStuckInSecondBatch();

        var outcome = await SendAsync(context, run, DeploymentCommandKind.Supersede, "system");

        Assert.Equal(new RolloutOutcome(DeploymentStatus.Cancelled, StatusDescriptions.CancelledNewer), outcome);
        Assert.Equal(["CheckAllocationHealth:1", "UpdateDeployment:cancelled"], Trace(context).TakeLast(2));
        Assert.DoesNotContain(context.InputsOf<PlaceRequest>(RolloutActivities.Place), p => p.Revision == OldRevision);
    }

    [Fact]
    public async Task Rollout_WithScaleDownDelay_KeepsOldInstancesUntilTheDelayPasses()
    {
        var delay = TimeSpan.FromMinutes(10);
        var context = Script(Rolling(instances: 2).With(o => o with { ScaleDownDelay = delay }).Build());

        var outcome = await Run(context);

        Assert.Equal(DeploymentStatus.Successful, outcome.Status);
        Assert.Equal(["CompleteRollout", "UpdateDeployment:succeeded", "StopAllocations:2(scale-down delay passed)"], Trace(context).TakeLast(3));
        Assert.Single(context.CallsOf(RolloutActivities.Stop));
        Assert.Equal([ScriptedOrchestrationContext.Start + delay], context.Timers);
    }

    [Fact]
    public async Task Rollout_BehindARunningDeployment_StartsOnlyOnceThatOneHasEndedFromWhatRunsThen()
    {
        var previous = Guid.Parse("d0000000-0000-0000-0000-000000000000");
        var finished = new Queue<bool>([false, false, true]);
        var context = Script(Rolling(instances: 1).WaitingFor(previous).Build())
            .OnActivity<Guid>(RolloutActivities.IsFinished, _ => finished.Dequeue());

        var outcome = await Run(context);

        Assert.Equal(DeploymentStatus.Successful, outcome.Status);
        Assert.Equal(["LoadRolloutPlan", "IsDeploymentFinished", "IsDeploymentFinished", "IsDeploymentFinished", "LoadRolloutPlan", "UpdateDeployment:started"], Trace(context).Take(6));
        Assert.All(context.InputsOf<Guid>(RolloutActivities.IsFinished), id => Assert.Equal(previous, id));
        Assert.Equal(2, context.Timers.Count);
    }

    [Fact]
    public async Task Rollout_BehindADeploymentThatDoesNotEnd_ContinuesAsNewKeepingUnreceivedCommands()
    {
        var context = Script(Rolling(instances: 1).WaitingFor(Guid.NewGuid()).Build()).Returns(RolloutActivities.IsFinished, false);

        var outcome = await Run(context);

        Assert.Equal(new RolloutOutcome(DeploymentStatus.Pending, StatusDescriptions.Pending), outcome);
        Assert.Equal(((object)DeploymentId, true), context.ContinuedAsNew);
        Assert.Equal(RolloutActivities.PollsPerGeneration + 1, context.CallsOf(RolloutActivities.IsFinished).Count());
        Assert.Empty(context.CallsOf(RolloutActivities.Update));
        Assert.Empty(context.CallsOf(RolloutActivities.Place));
    }
}
