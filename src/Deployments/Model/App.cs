namespace Deployments.Model;

/// <summary>An application: its task groups with instance counts, and which revisions are current and stable.</summary>
public sealed record App(
    Guid Id,
    string Name,
    string Namespace,
    Guid ClusterId,
    string? Environment,
    IReadOnlyDictionary<string, int> Groups,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    int? CurrentRevision,
    int? StableRevision,
    Guid? ActiveDeploymentId,
    int LatestRevision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : INamespaced
{
    /// <summary>Instances of every group together.</summary>
    public int TotalInstances => Groups.Values.Sum();
}
