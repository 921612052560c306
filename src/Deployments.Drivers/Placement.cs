namespace Deployments.Drivers;

/// <summary>Where an allocation runs, as the driver placed it. The control plane stores it and hands it back.</summary>
/// <param name="ProcessId">The OS process id where the driver knows one (the process driver), otherwise null.</param>
/// <param name="HealthUrl">The URL the driver probes for health, or null when the platform reports health itself.</param>
public sealed record Placement(string AllocationId, string Address, int? ProcessId, string? HealthUrl);
