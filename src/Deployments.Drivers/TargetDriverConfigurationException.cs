namespace Deployments.Drivers;

/// <summary>A cluster's settings do not let its driver work (a missing or malformed setting). Never carries setting values.</summary>
public sealed class TargetDriverConfigurationException : Exception
{
    public TargetDriverConfigurationException(string clusterId, string setting, string problem)
        : base($"Cluster '{clusterId}': setting '{setting}' {problem}.")
    {
        ClusterId = clusterId;
        Setting = setting;
    }

    public TargetDriverConfigurationException() : this("", "", "is invalid") { }

    public TargetDriverConfigurationException(string message) : base(message)
    {
        ClusterId = "";
        Setting = "";
    }

    public TargetDriverConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
        ClusterId = "";
        Setting = "";
    }

    public string ClusterId { get; }

    public string Setting { get; }
}
