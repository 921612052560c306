using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>
/// One instance a deployment placed: which group and revision, where it answers, and its health. The driver's own
/// handles (process id, health probe URL) stay inside.
/// </summary>
internal sealed record AllocationResource(
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
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? HealthySince,
    long ModifyIndex)
{
    public static AllocationResource From(Allocation allocation) => new(
        allocation.Id, allocation.DeploymentId, allocation.AppId, allocation.Group, allocation.Revision, allocation.Canary, allocation.Health,
        allocation.DesiredStatus, allocation.ActualStatus, allocation.Address, allocation.CreatedAt, allocation.UpdatedAt, allocation.HealthySince,
        allocation.ModifyIndex);
}
