namespace Deployments.Model;

/// <summary>A deployment's lifecycle, as Nomad and Cloud Foundry name it.</summary>
public enum DeploymentStatus
{
    /// <summary>Created, its orchestration not yet started (or waiting on an approval or a deployment it supersedes).</summary>
    Pending,

    /// <summary>Placing and checking allocations.</summary>
    Running,

    /// <summary>Stopped between steps until resumed, promoted or a timed pause ends.</summary>
    Paused,

    /// <summary>Canaries promoted; the rest of the instances are moving to the new revision.</summary>
    Promoting,

    /// <summary>Ended with every instance healthy on the new revision.</summary>
    Successful,

    /// <summary>Ended without reaching the new revision: unhealthy, past a deadline, or failed by a caller.</summary>
    Failed,

    /// <summary>Ended by a caller, by a rejected approval, or by a newer deployment of the same app.</summary>
    Cancelled,
}

/// <summary>Questions about a <see cref="DeploymentStatus"/> that callers would otherwise spell out.</summary>
public static class DeploymentStatusExtensions
{
    /// <summary>Whether the deployment has ended and will change no more.</summary>
    public static bool IsTerminal(this DeploymentStatus status) =>
        status is DeploymentStatus.Successful or DeploymentStatus.Failed or DeploymentStatus.Cancelled;

    /// <summary>Whether the deployment has not ended yet.</summary>
    public static bool IsActive(this DeploymentStatus status) => !status.IsTerminal();
}
