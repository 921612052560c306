using Deployments.Api.Http;
using Deployments.Model;
using Deployments.Refusals;
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
    string? Reason = null,
    MetadataBody? Metadata = null)
{
    public CreateDeploymentRequest ToRequest(string actor) => new(
        AppId.GetValueOrDefault(), Strategy, actor, Revision,
        Artifact is null ? null : new RevisionSpec(Artifact, Config, Environment, Resources, HealthPath),
        Options, Reason, Metadata?.ToMetadata());
}

/// <summary>Cloud Foundry's <c>metadata</c> of a deployment as sent on create.</summary>
internal sealed record MetadataBody(IReadOnlyDictionary<string, string>? Labels = null, IReadOnlyDictionary<string, string>? Annotations = null)
{
    public ResourceMetadata ToMetadata() => new(Labels ?? new Dictionary<string, string>(), Annotations ?? new Dictionary<string, string>());
}

/// <summary>PATCH of a deployment: its metadata only, as in Cloud Foundry (a key set to null is removed, keys left out stay).</summary>
internal sealed record UpdateDeploymentBody(MetadataPatchBody? Metadata = null);

internal sealed record MetadataPatchBody(RemovableEntries? Labels = null, RemovableEntries? Annotations = null)
{
    public MetadataPatch ToPatch() => new(Labels, Annotations);
}

/// <summary>For commands that take no fields: an empty body or <c>{}</c>.</summary>
internal sealed record EmptyBody;

/// <summary>Nomad's promote: <c>{"all": true}</c>, or the groups to promote. An empty body promotes all.</summary>
internal sealed record PromoteBody(bool? All = null, IReadOnlyList<string>? Groups = null)
{
    /// <summary>The groups to promote, null for all; refuses a body that asks for both or for neither.</summary>
    public IReadOnlyList<string>? GroupsToPromote()
    {
        if (All == true && Groups is { Count: > 0 })
        {
            throw new ValidationException([new ValidationError("all", "promote all groups or name some, not both")]);
        }

        if (All == false && Groups is not { Count: > 0 })
        {
            throw new ValidationException([new ValidationError("groups", "name the groups to promote, or set all to true")]);
        }

        return All == true ? null : Groups;
    }
}

internal sealed record PauseBody(bool Pause = true);

internal sealed record ReasonBody(string? Reason = null);

internal sealed record AllocationHealthBody(IReadOnlyList<Guid>? HealthyAllocationIds = null, IReadOnlyList<Guid>? UnhealthyAllocationIds = null);

internal sealed record PromoteToClusterBody(Guid? TargetClusterId = null, string? NewName = null, bool DeleteSource = false, ClusterOverridesBody? Overrides = null);

/// <summary>A page of a deployment listing; <see cref="NextToken"/> is absent on the last page.</summary>
internal sealed record DeploymentPage(IReadOnlyList<DeploymentResource> Deployments, string? NextToken);
