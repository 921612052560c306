using Deployments.Model;
using Deployments.Refusals;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>Reads the deployment, its app and what already runs, so the orchestrator decides from one snapshot.</summary>
public sealed class LoadRolloutPlanActivity(DeploymentStore deployments, AppStore apps, AllocationStore allocations) : TaskActivity<Guid, RolloutPlan>
{
    /// <summary>Reads the plan for the deployment with this id.</summary>
    public override async Task<RolloutPlan> RunAsync(TaskActivityContext context, Guid deploymentId)
    {
        var deployment = await deployments.GetRequiredAsync(deploymentId, CancellationToken.None);
        var app = await apps.GetAsync(deployment.AppId, CancellationToken.None) ?? throw new NotFoundException("app", deployment.AppId.ToString());
        var running = (await allocations.ForAppAsync(app.Id, CancellationToken.None))
            .Where(a => a.DesiredStatus == AllocationStatus.Running)
            .ToList();

        // Instances already on the target revision (kept by a scale-down delay) are adopted, not placed
        // again: marking them ours keeps the earlier deployment's delayed scale-down off them.
        foreach (var adopted in running.Where(a => a.Revision == deployment.Revision && a.DeploymentId != deployment.Id))
        {
            await allocations.UpsertAsync(adopted with { DeploymentId = deployment.Id }, CancellationToken.None);
        }

        var existing = running.Select(a => new PlannedAllocation(a.Id, a.Group, a.Revision, a.Canary, a.Revision == deployment.Revision ? deployment.Id : a.DeploymentId)).ToList();
        var desired = deployment.Options.CountsFor(app.Groups);
        IReadOnlyList<CanaryStep> steps = deployment.Strategy == Strategy.Canary ? deployment.Options.Steps : [];
        return new RolloutPlan(
            deployment.Id, app.Id, deployment.Strategy, deployment.Options, deployment.Revision, deployment.PreviousRevision,
            desired, steps, existing, deployment.Supersedes, deployment.Instant, app.StableRevision, app.Groups, IdSeed: Guid.NewGuid());
    }
}
