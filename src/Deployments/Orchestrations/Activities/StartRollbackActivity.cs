using Deployments.Service;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>Starts the automatic rollback of a failed deployment; its id derives from the failed one, so a re-run finds it.</summary>
public sealed class StartRollbackActivity(DeploymentRollbacks service) : TaskActivity<RollbackRequest, Guid>
{
    /// <summary>Starts the rollback (or finds the one an earlier run started) and returns its deployment id.</summary>
    public override async Task<Guid> RunAsync(TaskActivityContext context, RollbackRequest request)
    {
        var deployment = await service.RollbackAsync(new RollbackCommand(request.AppId, request.Revision, "system", request.Reason, request.FailedDeploymentId), CancellationToken.None);
        return deployment.Id;
    }
}
