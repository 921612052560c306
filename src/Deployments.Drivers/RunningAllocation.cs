namespace Deployments.Drivers;

/// <summary>An allocation a driver found running on a cluster.</summary>
public sealed record RunningAllocation(string AllocationId, string Address, int? ProcessId);
