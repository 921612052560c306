namespace Deployments.Model;

/// <summary>What the health checks (or a manual call) last said about an allocation.</summary>
public enum AllocationHealth
{
    /// <summary>Not decided yet: still starting, or not healthy for the minimum healthy time.</summary>
    Pending,

    /// <summary>Healthy for at least the minimum healthy time.</summary>
    Healthy,

    /// <summary>Failed its checks, or missed the healthy deadline.</summary>
    Unhealthy,
}

/// <summary>Where an allocation is in its life on the cluster, as observed (actual) or as asked for (desired).</summary>
public enum AllocationStatus
{
    /// <summary>Asked for, not running yet.</summary>
    Pending,

    /// <summary>Running on the cluster.</summary>
    Running,

    /// <summary>Stopped on purpose, or to be stopped: replaced, scaled down or retired.</summary>
    Stopped,

    /// <summary>Gone without being stopped (its node failed, say); it must be replaced.</summary>
    Lost,
}

/// <summary>One instance of a group on a revision, placed by a deployment.</summary>
/// <param name="ModifyIndex">Raised by every write of the allocation, on the deployments' scale: what blocking reads of a deployment's allocations wait on.</param>
public sealed record Allocation(
    Guid Id,
    Guid DeploymentId,
    Guid AppId,
    string Group,
    int Revision,
    bool Canary,
    AllocationHealth Health,
    AllocationStatus DesiredStatus,
    AllocationStatus ActualStatus,
    string? Address,
    int? ProcessId,
    string? HealthUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? HealthySince = null,
    long ModifyIndex = 0);
