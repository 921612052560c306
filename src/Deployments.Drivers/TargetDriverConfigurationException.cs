namespace Deployments.Drivers;

/// <summary>A cluster's settings do not let its driver work (a missing or malformed setting). Never carries setting values.</summary>
public sealed class TargetDriverConfigurationException : Exception
{
    /// <summary>The message reads "Cluster 'c': setting 's' <paramref name="problem"/>." so a user knows what to change.</summary>
    /// <param name="clusterId">The cluster whose definition is wrong.</param>
    /// <param name="setting">The setting's name; never its value, which may be a secret.</param>
    /// <param name="problem">What is wrong, phrased to follow the setting's name: "is required by the webhook driver", "must be an absolute http(s) URL".</param>
    public TargetDriverConfigurationException(string clusterId, string setting, string problem)
        : base($"Cluster '{clusterId}': setting '{setting}' {problem}.")
    {
        ClusterId = clusterId;
        Setting = setting;
    }

    /// <summary>The conventional constructors (CA1032) leave the cluster and setting empty; the drivers use the one that names them.</summary>
    public TargetDriverConfigurationException() : this("", "", "is invalid") { }

    /// <inheritdoc cref="TargetDriverConfigurationException()"/>
    public TargetDriverConfigurationException(string message) : base(message)
    {
        ClusterId = "";
        Setting = "";
    }

    /// <inheritdoc cref="TargetDriverConfigurationException()"/>
    public TargetDriverConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
        ClusterId = "";
        Setting = "";
    }

    /// <summary>The cluster whose definition needs fixing; empty when built without one.</summary>
    public string ClusterId { get; }

    /// <summary>The name of the offending setting; empty when built without one.</summary>
    public string Setting { get; }
}
