namespace Deployments.Drivers;

/// <summary>Health of one allocation as its driver observed it.</summary>
public enum HealthState
{
    /// <summary>Not known yet (still starting, or the platform has not reported): keep waiting.</summary>
    Pending,

    /// <summary>Answered its health check.</summary>
    Healthy,

    /// <summary>Running but failing its health check.</summary>
    Unhealthy,

    /// <summary>Gone: the process or platform allocation no longer exists, or something else answers at its address.</summary>
    Lost,
}
