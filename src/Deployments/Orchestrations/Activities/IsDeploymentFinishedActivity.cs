using Deployments.Model;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>Tells a waiting orchestration whether a deployment has ended.</summary>
public sealed class IsDeploymentFinishedActivity(DeploymentStore deployments) : TaskActivity<Guid, bool>
{
    /// <summary>True when the deployment is in a terminal status, or no longer exists.</summary>
    public override async Task<bool> RunAsync(TaskActivityContext context, Guid deploymentId) =>
        await deployments.GetAsync(deploymentId, CancellationToken.None) is not { } deployment || deployment.Status.IsTerminal();
}
