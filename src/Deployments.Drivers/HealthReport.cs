namespace Deployments.Drivers;

/// <summary>One health observation; <paramref name="Detail"/> says why, for people reading the deployment's history.</summary>
public sealed record HealthReport(string AllocationId, HealthState State, string? Detail);
