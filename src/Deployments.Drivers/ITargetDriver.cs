namespace Deployments.Drivers;

/// <summary>
/// How a rollout acts on a cluster. Orchestration activities run at least once, so every operation is
/// idempotent: repeating it after a crash must not start a second copy or fail because the first one worked.
/// </summary>
public interface ITargetDriver
{
    /// <summary>The name clusters select the driver by: "process" or "webhook".</summary>
    string Name { get; }

    /// <summary>Starts the allocation, or returns the placement of the copy already running under that id.</summary>
    Task<Placement> PlaceAsync(ClusterTarget cluster, AllocationSpec spec, CancellationToken ct);

    /// <summary>Stops the allocation; an allocation that is already gone is not an error.</summary>
    Task StopAsync(ClusterTarget cluster, Placement placement, CancellationToken ct);

    /// <summary>Probes the allocation's health now; never answers from a cache.</summary>
    Task<HealthReport> CheckHealthAsync(ClusterTarget cluster, Placement placement, CancellationToken ct);

    /// <summary>The allocations running on the cluster, as the cluster itself knows them.</summary>
    Task<IReadOnlyList<RunningAllocation>> ListAsync(ClusterTarget cluster, CancellationToken ct);
}
