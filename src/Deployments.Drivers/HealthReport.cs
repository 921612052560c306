namespace Deployments.Drivers;

/// <summary>One health observation; <paramref name="Detail"/> says why, for people reading the deployment's history.</summary>
/// <param name="AllocationId">The allocation probed, so reports gathered together can be told apart.</param>
/// <param name="State">What the probe concluded; only <see cref="HealthState.Lost"/> means the allocation is gone.</param>
/// <param name="Detail">Why the state is what it is (an HTTP status, a timeout, an exited process), or null.</param>
public sealed record HealthReport(string AllocationId, HealthState State, string? Detail);
