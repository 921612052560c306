using Deployments.Model;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

public sealed class IsDeploymentFinishedActivity(DeploymentStore deployments) : TaskActivity<Guid, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Guid deploymentId) =>
        await deployments.GetAsync(deploymentId, CancellationToken.None) is not { } deployment || deployment.Status.IsTerminal();
}
