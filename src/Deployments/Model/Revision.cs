namespace Deployments.Model;

/// <summary>What runs: an image or a command with its arguments.</summary>
public sealed record Artifact(string? Image, string? Command, IReadOnlyList<string> Args);

/// <summary>An environment variable: a literal value or a reference to a secret, whose value is never returned.</summary>
public sealed record EnvironmentValue(string? Value, string? SecretRef);

/// <summary>What each instance of a revision asks the cluster for.</summary>
/// <param name="Cpu">CPU, in cores; fractions allowed.</param>
/// <param name="MemoryMb">Memory, in MB.</param>
/// <param name="DiskMb">Ephemeral disk, in MB.</param>
/// <param name="StorageMb">Persistent storage, in MB.</param>
/// <param name="Port">Port the instance listens on; null when it serves none.</param>
/// <param name="Volumes">Volumes the instance mounts, by name.</param>
public sealed record Resources(double Cpu, int MemoryMb, int DiskMb, int StorageMb, int? Port, IReadOnlyList<string> Volumes);

/// <summary>An immutable, numbered version of an app; any revision can be rolled back to.</summary>
public sealed record Revision(
    Guid AppId,
    int Number,
    Artifact Artifact,
    IReadOnlyDictionary<string, string> Config,
    IReadOnlyDictionary<string, EnvironmentValue> Environment,
    Resources Resources,
    string HealthPath,
    bool Stable,
    DateTimeOffset CreatedAt)
{
    /// <summary>The revision as shown to callers: secret references kept, secret values never.</summary>
    public Revision Redacted() => this with
    {
        Environment = Environment.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.SecretRef is null ? pair.Value : pair.Value with { Value = null }),
    };
}
