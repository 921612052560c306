using Deployments.Drivers;
using Deployments.Model;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>Makes a deployment the live one of an environment, scaling the previous live one down unless told not to.</summary>
public sealed class ApplyEnvironmentPromotionActivity(DeploymentService service) : TaskActivity<EnvironmentPromotion, EnvironmentPromotionOutcome>
{
    public override Task<EnvironmentPromotionOutcome> RunAsync(TaskActivityContext context, EnvironmentPromotion input) =>
        service.ApplyEnvironmentPromotionAsync(input, CancellationToken.None);
}

/// <summary>Writes an approval step onto the deployment's timeline (and whether it still awaits approval).</summary>
public sealed class NoteApprovalActivity(DeploymentStore deployments) : TaskActivity<ApprovalNote, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ApprovalNote input)
    {
        await ApplyAsync(deployments, input, CancellationToken.None);
        return true;
    }

    /// <summary>Applies the note unless it already was (by an earlier run, or by the service before it answered).</summary>
    public static Task<Deployment> ApplyAsync(DeploymentStore deployments, ApprovalNote note, CancellationToken cancellationToken) =>
        deployments.UpdateAsync(note.DeploymentId, current =>
            current.RecentUpdateIds.Contains(note.NoteId()) ? null : new DeploymentChange(
                current with { AwaitingApprovalFor = note.Environment, RecentUpdateIds = [.. current.RecentUpdateIds.TakeLast(31), note.NoteId()] },
                [(note.Actor, note.Kind, note.Message)]),
            cancellationToken);
}

/// <summary>Stops every allocation of an app through its driver and deletes the app.</summary>
public sealed class RetireAppActivity(AppStore apps, AllocationStore allocations, ClusterTargets clusters, DeploymentStore deployments, TimeProvider time)
    : TaskActivity<RetireSource, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RetireSource input)
    {
        var promoted = await deployments.GetRequiredAsync(input.NewDeploymentId, CancellationToken.None);
        if (promoted.Status != DeploymentStatus.Successful || await apps.GetAsync(input.SourceAppId, CancellationToken.None) is not { } app)
        {
            return false;
        }

        var (target, driver) = await clusters.ForAppAsync(app, CancellationToken.None);
        foreach (var allocation in await allocations.ForAppAsync(app.Id, CancellationToken.None))
        {
            if (allocation is { DesiredStatus: AllocationStatus.Running, Address: { } address })
            {
                await driver.StopAsync(target, new Placement(allocation.Id.ToString("N"), address, allocation.ProcessId, allocation.HealthUrl), CancellationToken.None);
                await allocations.UpsertAsync(allocation with { DesiredStatus = AllocationStatus.Stopped, ActualStatus = AllocationStatus.Stopped, UpdatedAt = time.GetUtcNow() }, CancellationToken.None);
            }
        }

        await apps.DeleteAsync(app, CancellationToken.None);
        return true;
    }
}
