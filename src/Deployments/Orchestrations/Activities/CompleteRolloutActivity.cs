using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>A successful rollout makes its revision current and stable, its counts the app's, and frees the app for the next deployment.</summary>
public sealed class CompleteRolloutActivity(DeploymentStore deployments, AppStore apps) : TaskActivity<Guid, bool>
{
    /// <summary>Applies the successful rollout to its app; always returns true.</summary>
    public override async Task<bool> RunAsync(TaskActivityContext context, Guid deploymentId)
    {
        var deployment = await deployments.GetRequiredAsync(deploymentId, CancellationToken.None);
        await apps.MarkRevisionStableAsync(deployment.AppId, deployment.Revision, CancellationToken.None);
        await apps.UpdateAsync(deployment.AppId, app => app with
        {
            CurrentRevision = deployment.Revision,
            StableRevision = deployment.Revision,
            Groups = deployment.Options.CountsFor(app.Groups),
            ActiveDeploymentId = app.ActiveDeploymentId == deploymentId ? null : app.ActiveDeploymentId,
        }, CancellationToken.None);
        return true;
    }
}
