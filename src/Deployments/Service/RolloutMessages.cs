namespace Deployments.Service;

/// <param name="ExpectedOwners">When set, an allocation is stopped only if it still belongs to this deployment (not adopted by a rollback).</param>
public sealed record StopRequest(Guid DeploymentId, Guid AppId, IReadOnlyList<Guid> AllocationIds, string Reason, IReadOnlyDictionary<Guid, Guid>? ExpectedOwners = null);

/// <summary>A command from a user, delivered to the running orchestration as the "command" event.</summary>
internal sealed record RolloutCommand(DeploymentCommandKind Kind, string Actor, string? Reason = null, IReadOnlyList<string>? Groups = null);

internal enum DeploymentCommandKind
{
    Pause,
    Resume,
    Promote,
    Continue,
    Fail,
    Cancel,
    Supersede,
    HealthChanged,
    Approve,
    Reject,

    /// <summary>Allocations were marked unhealthy by hand: the deployment fails at once (and auto-reverts if set), as in Nomad.</summary>
    MarkedUnhealthy,
}
