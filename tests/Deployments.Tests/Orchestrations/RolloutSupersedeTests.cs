using Deployments.Orchestrations;
using Deployments.Service;
using static Deployments.Tests.Orchestrations.RolloutPlanBuilder;
using static Deployments.Tests.Orchestrations.RolloutScript;

namespace Deployments.Tests.Orchestrations;

/// <summary>
/// A deployment that superseded another finds that one's instances (revision 5 here: a canary that never became
/// stable) among what runs. Whatever follows, supersede or cancel, only the intended revision may be left.
/// </summary>
public sealed class RolloutSupersedeTests
{
    private const int SupersededRevision = 5;

    [Fact]
    public async Task Rollout_BehindASupersededDeployment_ReadsWhatRunsAgainOnceThatOneEnded()
    {
        var previous = Guid.Parse("d0000000-0000-0000-0000-000000000000");
        // The first snapshot was taken while the superseded canary still placed its instance; the second sees it.
        var snapshots = new Queue<RolloutPlan>(
        [
            Rolling(instances: 2).WaitingFor(previous).Running((OldRevision, 2)).Build(),
            Rolling(instances: 2).WaitingFor(previous).Running((OldRevision, 2), (SupersededRevision, 1)).Build(),
        ]);
        var finished = new Queue<bool>([false, true]);
        var context = Script(snapshots.Peek())
            .OnActivity<Guid>(RolloutActivities.LoadPlan, _ => snapshots.Dequeue())
            .OnActivity<Guid>(RolloutActivities.IsFinished, _ => finished.Dequeue());

        var outcome = await Run(context);

        Assert.Equal(Model.DeploymentStatus.Successful, outcome.Status);
        Assert.Equal(["LoadRolloutPlan", "IsDeploymentFinished", "IsDeploymentFinished", "LoadRolloutPlan", "UpdateDeployment:started"], Trace(context).Take(5));
        var stopped = context.InputsOf<StopRequest>(RolloutActivities.Stop).SelectMany(s => s.AllocationIds).ToList();
        Assert.Equal(AllocationId(SupersededRevision, 1), stopped[0]);
        Assert.Equal(new HashSet<Guid> { AllocationId(SupersededRevision, 1), OldAllocationId(1), OldAllocationId(2) }, stopped.ToHashSet());
    }

    [Fact]
    public async Task Rollout_CancelledAfterSupersedingACanary_RestoresTheStableRevisionOnlyAndStopsTheCanary()
    {
        var (context, run) = StartStuckInFirstBatch(Rolling(instances: 2).Running((OldRevision, 1), (SupersededRevision, 1)).Build());

        var outcome = await SendAsync(context, run, DeploymentCommandKind.Cancel);

        Assert.Equal(Model.DeploymentStatus.Cancelled, outcome.Status);
        Assert.Equal(["PlaceAllocations:1@r1", "StopAllocations:2(deployment cancelled)", "UpdateDeployment:cancelled"], Trace(context).TakeLast(3));
        var placedNew = context.InputsOf<PlaceRequest>(RolloutActivities.Place).First().Allocations.Single().Id;
        Assert.Equal(new HashSet<Guid> { AllocationId(SupersededRevision, 1), placedNew }, context.InputsOf<StopRequest>(RolloutActivities.Stop).Single().AllocationIds.ToHashSet());
    }

    [Fact]
    public async Task Rollout_CancelledWhenNothingWasEverStable_StopsEverythingAndPlacesNothing()
    {
        var (context, run) = StartStuckInFirstBatch(Rolling(instances: 1).WithoutStableRevision().Running((SupersededRevision, 1)).Build());

        await SendAsync(context, run, DeploymentCommandKind.Cancel);

        Assert.Single(context.CallsOf(RolloutActivities.Place));
        Assert.Equal(2, context.InputsOf<StopRequest>(RolloutActivities.Stop).Single().AllocationIds.Count);
    }

    [Fact]
    public async Task Rollout_CancelledWhileWaitingBehindASupersededOne_EndsOnlyAfterItAndRestoresFromWhatRunsThen()
    {
        var previous = Guid.Parse("d0000000-0000-0000-0000-000000000000");
        var snapshots = new Queue<RolloutPlan>(
        [
            Rolling(instances: 2).WaitingFor(previous).Build(),
            Rolling(instances: 2).WaitingFor(previous).Running((OldRevision, 1), (SupersededRevision, 1)).Build(),
        ]);
        var finished = new Queue<bool>([false, false, true]);
        var context = Script(snapshots.Peek())
            .OnActivity<Guid>(RolloutActivities.LoadPlan, _ => snapshots.Dequeue())
            .OnActivity<Guid>(RolloutActivities.IsFinished, _ => finished.Dequeue());
        context.TimersFire = false;
        var run = Run(context);

        context.TimersFire = true;
        var outcome = await SendAsync(context, run, DeploymentCommandKind.Cancel);

        Assert.Equal(Model.DeploymentStatus.Cancelled, outcome.Status);
        Assert.Equal(["IsDeploymentFinished", "IsDeploymentFinished", "IsDeploymentFinished", "LoadRolloutPlan", "PlaceAllocations:1@r1", "StopAllocations:1(deployment cancelled)", "UpdateDeployment:cancelled"],
            Trace(context).Skip(1));
        Assert.Equal([AllocationId(SupersededRevision, 1)], context.InputsOf<StopRequest>(RolloutActivities.Stop).Single().AllocationIds);
    }
}
