using Deployments.Model;
using Deployments.Storage;
using Durable;

namespace Deployments.Orchestrations.Activities;

public sealed class IsDeploymentFinishedActivity(DeploymentStore deployments) : TaskActivity<Guid, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Guid deploymentId) =>
        await deployments.GetAsync(deploymentId, context.CancellationToken) is not { } deployment || deployment.Status.IsTerminal();
}
