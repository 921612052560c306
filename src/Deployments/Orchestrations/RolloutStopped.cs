using Deployments.Model;

namespace Deployments.Orchestrations;

/// <summary>Ends a rollout early: a failure (health, deadline, user) or a cancellation.</summary>
internal sealed class RolloutStopped(DeploymentStatus status, string description, string actor, string? reason, bool restorePrevious)
    : Exception(description)
{
    public DeploymentStatus Status { get; } = status;

    public string Description { get; } = description;

    public string Actor { get; } = actor;

    public string? Reason { get; } = reason;

    /// <summary>Cancel by a user puts the previous revision back; a newer deployment takes over instead.</summary>
    public bool RestorePrevious { get; } = restorePrevious;
}
