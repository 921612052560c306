namespace Deployments.Model;

/// <summary>A deployment's lifecycle, as Nomad and Cloud Foundry name it.</summary>
public enum DeploymentStatus
{
    Pending,
    Running,
    Paused,
    Promoting,
    Successful,
    Failed,
    Cancelled,
}

public static class DeploymentStatusExtensions
{
    public static bool IsTerminal(this DeploymentStatus status) =>
        status is DeploymentStatus.Successful or DeploymentStatus.Failed or DeploymentStatus.Cancelled;

    public static bool IsActive(this DeploymentStatus status) => !status.IsTerminal();
}
