namespace Deployments.Model;

public enum AllocationHealth
{
    Pending,
    Healthy,
    Unhealthy,
}

public enum AllocationStatus
{
    Pending,
    Running,
    Stopped,
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
