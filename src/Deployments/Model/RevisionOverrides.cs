namespace Deployments.Model;

/// <summary>Revision fields to change when a revision is copied (promotion to another cluster); those left out keep the source's.</summary>
public sealed record RevisionOverrides(
    Artifact? Artifact = null,
    IReadOnlyDictionary<string, string>? Config = null,
    IReadOnlyDictionary<string, EnvironmentValue>? Environment = null,
    ResourceOverrides? Resources = null,
    string? HealthPath = null,
    IReadOnlyDictionary<string, int>? Groups = null,
    int? Replicas = null)
{
    /// <summary>Named groups' counts, or one count (Mengi's <c>replicas</c>) for every group of the source app, or the source's.</summary>
    public IReadOnlyDictionary<string, int> GroupsFor(IReadOnlyDictionary<string, int> source) =>
        Groups ?? (Replicas is { } replicas ? source.ToDictionary(g => g.Key, _ => replicas) : source);
}

/// <summary>Resource fields to change; those left out keep the source revision's.</summary>
public sealed record ResourceOverrides(double? Cpu = null, int? MemoryMb = null, int? DiskMb = null, int? StorageMb = null, int? Port = null, IReadOnlyList<string>? Volumes = null)
{
    /// <summary>The source revision's resources with the given fields replaced.</summary>
    public Resources ApplyTo(Resources source) => new(
        Cpu ?? source.Cpu, MemoryMb ?? source.MemoryMb, DiskMb ?? source.DiskMb, StorageMb ?? source.StorageMb, Port ?? source.Port, Volumes ?? source.Volumes);
}
