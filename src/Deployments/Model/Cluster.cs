namespace Deployments.Model;

public enum ClusterKind
{
    Shared,
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
