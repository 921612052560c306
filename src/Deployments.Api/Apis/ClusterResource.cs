using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>A cluster as the API shows it. Driver settings that hold credentials are accepted and never shown.</summary>
internal sealed record ClusterResource(
    Guid Id,
    string Name,
    string Region,
    ClusterKind Kind,
    string Driver,
    IReadOnlyDictionary<string, string> DriverSettings,
    DateTimeOffset CreatedAt)
{
    public static ClusterResource From(Cluster cluster) => new(
        cluster.Id, cluster.Name, cluster.Region, cluster.Kind, cluster.Driver,
        cluster.DriverSettings.Where(setting => !IsCredential(setting.Key)).ToDictionary(), cluster.CreatedAt);

    private static bool IsCredential(string key) =>
        key.Contains("secret", StringComparison.OrdinalIgnoreCase) || key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("token", StringComparison.OrdinalIgnoreCase) || key.Contains("key", StringComparison.OrdinalIgnoreCase);
}

internal sealed record ClusterList(IReadOnlyList<ClusterResource> Clusters);
