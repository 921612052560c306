namespace Deployments.Model;

/// <summary>What a new revision is made of; unspecified parts take safe defaults.</summary>
public sealed record RevisionSpec(
    Artifact Artifact,
    IReadOnlyDictionary<string, string>? Config = null,
    IReadOnlyDictionary<string, EnvironmentValue>? Environment = null,
    Resources? Resources = null,
    string? HealthPath = null);
