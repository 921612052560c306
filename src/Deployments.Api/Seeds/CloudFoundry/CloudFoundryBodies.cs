using System.Text.Json.Serialization;
using Deployments.Api.Apis;

namespace Deployments.Api.Seeds.CloudFoundry;

/// <summary>Cloud Foundry's create-deployment body: the app, how to roll out, and what to deploy (its current droplet when neither droplet nor revision is named).</summary>
internal sealed record CloudFoundryCreateBody(
    CloudFoundryRelationships? Relationships = null,
    string? Strategy = null,
    CloudFoundryOptions? Options = null,
    CloudFoundryGuidRef? Droplet = null,
    CloudFoundryGuidRef? Revision = null,
    MetadataBody? Metadata = null);

/// <summary>Cloud Foundry's <c>relationships</c> of a deployment: its app.</summary>
internal sealed record CloudFoundryRelationships(CloudFoundryToOne? App = null);

/// <summary>A to-one relationship: <c>{"data": {"guid": …}}</c>.</summary>
internal sealed record CloudFoundryToOne(CloudFoundryGuidRef? Data = null);

/// <summary>A reference by guid; a string, since Cloud Foundry's clients may send any text and are told it names nothing. Written even when null (<c>previous_droplet</c> of a first deployment).</summary>
internal sealed record CloudFoundryGuidRef([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Guid = null);

/// <summary>Cloud Foundry's rollout options, as sent and as echoed (the values that apply).</summary>
internal sealed record CloudFoundryOptions(
    int? MaxInFlight = null,
    int? WebInstances = null,
    int? MemoryInMb = null,
    int? DiskInMb = null,
    long? LogRateLimitInBytesPerSecond = null,
    CloudFoundryCanary? Canary = null);

/// <summary>The canary's steps.</summary>
internal sealed record CloudFoundryCanary(IReadOnlyList<CloudFoundryCanaryStep>? Steps = null);

/// <summary>One canary step: the share of instances (1-100) on the new droplet before the deployment pauses.</summary>
internal sealed record CloudFoundryCanaryStep(int? InstanceWeight = null);
