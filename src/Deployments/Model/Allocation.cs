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
    DateTimeOffset? HealthySince = null);
