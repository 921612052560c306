using Deployments.Model;

namespace Deployments.Api.Seeds.Baseten;

/// <summary>Our deployment statuses in Baseten's words; Baseten has no pause and no approval, so both read as a rollout not yet done.</summary>
internal static class BasetenStatuses
{
    public static DeploymentStatusV1 Of(Deployment deployment) => deployment.AwaitingApprovalFor is not null
        ? DeploymentStatusV1.Updating
        : deployment.Status switch
        {
            DeploymentStatus.Pending => DeploymentStatusV1.Building,
            DeploymentStatus.Running or DeploymentStatus.Paused => DeploymentStatusV1.Deploying,
            DeploymentStatus.Promoting => DeploymentStatusV1.Updating,
            DeploymentStatus.Successful => DeploymentStatusV1.Active,
            DeploymentStatus.Failed => DeploymentStatusV1.DeployFailed,
            _ => DeploymentStatusV1.Inactive,
        };

    /// <summary>A rolled-out group with none of its instances running (replaced or scaled down) no longer serves: inactive.</summary>
    public static DeploymentStatusV1 OfGroup(DeploymentStatusV1 deployment, int desired, int active) =>
        deployment == DeploymentStatusV1.Active && desired > 0 && active == 0 ? DeploymentStatusV1.Inactive : deployment;
}
