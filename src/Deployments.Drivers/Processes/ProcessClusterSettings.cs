using System.Globalization;

namespace Deployments.Drivers.Processes;

/// <summary>The process driver's reading of a cluster's settings.</summary>
internal sealed record ProcessClusterSettings(string StateDirectory, TimeSpan StopGracePeriod)
{
    public const string StateDirectorySetting = "stateDirectory";
    public const string StopGracePeriodSetting = "stopGracePeriodSeconds";

    public static ProcessClusterSettings From(ClusterTarget cluster, ProcessDriverOptions options)
    {
        var directory = cluster.GetSetting(StateDirectorySetting) ?? DefaultStateDirectory(cluster.ClusterId);
        var grace = options.StopGracePeriod;
        if (cluster.GetSetting(StopGracePeriodSetting) is { } text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
            {
                throw new TargetDriverConfigurationException(cluster.ClusterId, StopGracePeriodSetting, "must be a non-negative number of seconds");
            }

            grace = TimeSpan.FromSeconds(seconds);
        }

        return new ProcessClusterSettings(Path.GetFullPath(directory), grace);
    }

    /// <summary>Per cluster, so two local clusters never see each other's allocations.</summary>
    public static string DefaultStateDirectory(string clusterId) =>
        Path.Combine(Path.GetTempPath(), "deployments-process-driver", AllocationStateStore.FileName(clusterId));
}
