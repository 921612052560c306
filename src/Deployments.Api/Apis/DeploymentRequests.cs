using Deployments.Model;
using Deployments.Service;

namespace Deployments.Api.Apis;

/// <summary>The body of POST /api/deployments: an existing revision, or an artifact for a new one.</summary>
internal sealed record CreateDeploymentBody(
    Guid? AppId = null,
    Strategy Strategy = Strategy.Rolling,
    int? Revision = null,
    Artifact? Artifact = null,
    IReadOnlyDictionary<string, string>? Config = null,
    IReadOnlyDictionary<string, EnvironmentValue>? Environment = null,
    Resources? Resources = null,
    string? HealthPath = null,
    DeploymentOptions? Options = null,
    string? Reason = null)
{
    public CreateDeploymentRequest ToRequest(string actor) => new(
        AppId.GetValueOrDefault(), Strategy, actor, Revision,
        Artifact is null ? null : new RevisionSpec(Artifact, Config, Environment, Resources, HealthPath),
        Options, Reason);
}

/// <summary>For commands that take no fields: an empty body or <c>{}</c>.</summary>
internal sealed record EmptyBody;

internal sealed record PromoteBody(IReadOnlyList<string>? Groups = null);

internal sealed record PauseBody(bool Pause = true);

internal sealed record ReasonBody(string? Reason = null);

internal sealed record AllocationHealthBody(IReadOnlyList<Guid>? HealthyAllocationIds = null, IReadOnlyList<Guid>? UnhealthyAllocationIds = null);

internal sealed record PromoteToClusterBody(Guid? TargetClusterId = null, string? NewName = null, bool DeleteSource = false, RevisionOverrides? Overrides = null);

/// <summary>A page of a deployment listing; <see cref="NextToken"/> is absent on the last page.</summary>
internal sealed record DeploymentPage(IReadOnlyList<DeploymentResource> Deployments, string? NextToken);
