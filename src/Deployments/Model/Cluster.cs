namespace Deployments.Model;

/// <summary>Who a cluster's capacity is for; a label for people and tools, the rollout does not act on it.</summary>
public enum ClusterKind
{
    /// <summary>Capacity shared by many teams' apps.</summary>
    Shared,

    /// <summary>Capacity set aside for one team or workload.</summary>
    Dedicated,
}

/// <summary>Where allocations run; <see cref="Driver"/> names the target driver that acts on it.</summary>
public sealed record Cluster(
    Guid Id,
    string Name,
    string Region,
    ClusterKind Kind,
    string Driver,
    IReadOnlyDictionary<string, string> DriverSettings,
    DateTimeOffset CreatedAt);
