namespace Deployments.Drivers;

/// <summary>Where an allocation runs, as the driver placed it. The control plane stores it and hands it back.</summary>
/// <param name="AllocationId">The id from the <see cref="AllocationSpec"/> this placement answers.</param>
/// <param name="Address">Where the allocation answers: a loopback URL for a process, the platform's address (or the allocation's URL on the platform) for a webhook cluster.</param>
/// <param name="ProcessId">The OS process id where the driver knows one (the process driver), otherwise null.</param>
/// <param name="HealthUrl">The URL the driver probes for health, or null when the platform reports health itself.</param>
public sealed record Placement(string AllocationId, string Address, int? ProcessId, string? HealthUrl);
