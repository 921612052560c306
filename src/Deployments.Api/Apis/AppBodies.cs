using Deployments.Model;
using Deployments.Service;

namespace Deployments.Api.Apis;

/// <summary>What a revision is made of; only the artifact is required.</summary>
internal sealed record RevisionBody(
    Artifact? Artifact = null,
    IReadOnlyDictionary<string, string>? Config = null,
    IReadOnlyDictionary<string, EnvironmentValue>? Environment = null,
    Resources? Resources = null,
    string? HealthPath = null)
{
    // A missing artifact is passed on as null for the domain's validation to name ("artifact: is required").
    public RevisionSpec ToSpec() => new(Artifact!, Config, Environment, Resources, HealthPath);
}

internal sealed record CreateAppBody(
    string? Name = null,
    string? Namespace = null,
    Guid? ClusterId = null,
    IReadOnlyDictionary<string, int>? Groups = null,
    string? Environment = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Annotations = null,
    RevisionBody? Revision = null)
{
    public CreateAppRequest ToRequest() => new(Name ?? string.Empty, ClusterId.GetValueOrDefault(), Groups ?? new Dictionary<string, int>(),
        Namespace, Environment, Labels, Annotations, Revision?.ToSpec());
}

/// <summary>PATCH: fields left out stay as they are; maps given replace the current ones; <c>"environment": null</c> clears it.</summary>
internal sealed record UpdateAppBody(
    IReadOnlyDictionary<string, int>? Groups = null,
    string? Environment = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Annotations = null)
{
    public const string EnvironmentField = "environment";

    public AppUpdate ToUpdate(bool environmentSent) => new(Groups, environmentSent ? new Change<string?>(Environment) : null, Labels, Annotations);
}

/// <summary>Roll back to a revision; without one, to the last stable revision before the current one.</summary>
internal sealed record RollbackBody(int? Revision = null, string? Reason = null);
