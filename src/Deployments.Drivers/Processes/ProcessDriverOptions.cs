namespace Deployments.Drivers.Processes;

/// <summary>Host-wide tuning of the process driver; per-cluster choices are cluster settings.</summary>
internal sealed class ProcessDriverOptions
{
    /// <summary>How long a health probe may take before the allocation counts as unhealthy.</summary>
    public TimeSpan HealthProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Between SIGTERM and SIGKILL, unless the cluster sets <c>stopGracePeriodSeconds</c>.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an operation waits for another operation on the same allocation to finish.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
