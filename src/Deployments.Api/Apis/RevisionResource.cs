using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>
/// A numbered revision of an app. An environment variable that refers to a secret shows the reference and never
/// a value.
/// </summary>
internal sealed record RevisionResource(
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
    public static RevisionResource From(Revision revision)
    {
        var redacted = revision.Redacted();
        return new(redacted.AppId, redacted.Number, redacted.Artifact, redacted.Config, redacted.Environment, redacted.Resources,
            redacted.HealthPath, redacted.Stable, redacted.CreatedAt);
    }
}

internal sealed record RevisionList(IReadOnlyList<RevisionResource> Revisions);
