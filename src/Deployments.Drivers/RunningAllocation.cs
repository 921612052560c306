namespace Deployments.Drivers;

/// <summary>An allocation a driver found running on a cluster.</summary>
/// <param name="AllocationId">The id the control plane chose when it placed the allocation, so a listing can be matched to its records.</param>
/// <param name="Address">Where the allocation answers, in the same form <see cref="Placement.Address"/> had.</param>
/// <param name="ProcessId">The OS process id when the driver knows one (the process driver), otherwise null.</param>
public sealed record RunningAllocation(string AllocationId, string Address, int? ProcessId);
