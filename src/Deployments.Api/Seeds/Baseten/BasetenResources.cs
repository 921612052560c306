using System.Text.Json.Serialization;

namespace Deployments.Api.Seeds.Baseten;

/// <summary>Baseten's deployment statuses, spelled as its document spells them.</summary>
internal enum DeploymentStatusV1
{
    /// <summary>Queued: no instance placed yet.</summary>
    [JsonStringEnumMemberName("BUILDING")] Building,

    /// <summary>Instances being placed and checked.</summary>
    [JsonStringEnumMemberName("DEPLOYING")] Deploying,

    /// <summary>The rollout failed.</summary>
    [JsonStringEnumMemberName("DEPLOY_FAILED")] DeployFailed,

    /// <summary>Not used here: there is no model to load.</summary>
    [JsonStringEnumMemberName("LOADING_MODEL")] LoadingModel,

    /// <summary>Rolled out and serving.</summary>
    [JsonStringEnumMemberName("ACTIVE")] Active,

    /// <summary>Not used here.</summary>
    [JsonStringEnumMemberName("UNHEALTHY")] Unhealthy,

    /// <summary>Not used here: nothing is built.</summary>
    [JsonStringEnumMemberName("BUILD_FAILED")] BuildFailed,

    /// <summary>Not used here: nothing is built.</summary>
    [JsonStringEnumMemberName("BUILD_STOPPED")] BuildStopped,

    /// <summary>Not used here.</summary>
    [JsonStringEnumMemberName("DEACTIVATING")] Deactivating,

    /// <summary>Ended without serving (cancelled), or rolled out with none of its instances running any more.</summary>
    [JsonStringEnumMemberName("INACTIVE")] Inactive,

    /// <summary>Not used here: a failed rollout is <see cref="DeployFailed"/>.</summary>
    [JsonStringEnumMemberName("FAILED")] Failed,

    /// <summary>Canaries promoted and the rest following, or waiting for an approval to go live in an environment.</summary>
    [JsonStringEnumMemberName("UPDATING")] Updating,

    /// <summary>Not used here.</summary>
    [JsonStringEnumMemberName("SCALED_TO_ZERO")] ScaledToZero,

    /// <summary>Not used here.</summary>
    [JsonStringEnumMemberName("WAKING_UP")] WakingUp,
}

/// <summary>Baseten's autoscaling settings: here a fixed instance count, so the minimum and maximum are equal.</summary>
/// <remarks>Baseten's document requires its nullable fields present, so these are written even when null, unlike the API's own.</remarks>
internal sealed record AutoscalingSettingsV1(int MinReplica, int MaxReplica, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? AutoscalingWindow, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? ScaleDownDelay, int ConcurrencyTarget, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? TargetUtilizationPercentage);

/// <summary>A chainlet: one group of the deployment's app.</summary>
internal sealed record ChainletV1(string Id, string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] AutoscalingSettingsV1? AutoscalingSettings, string InstanceTypeName, int ActiveReplicaCount, DeploymentStatusV1 Status);

/// <summary>A deployment of a chain (an app).</summary>
internal sealed record ChainDeploymentV1(string Id, DateTimeOffset CreatedAt, string ChainId, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Environment, IReadOnlyList<ChainletV1> Chainlets, DeploymentStatusV1 Status);

/// <summary>A deployment of a model (an app).</summary>
internal sealed record DeploymentV1(
    string Id,
    DateTimeOffset CreatedAt,
    string Name,
    string ModelId,
    bool IsProduction,
    bool IsDevelopment,
    DeploymentStatusV1 Status,
    int ActiveReplicaCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] AutoscalingSettingsV1? AutoscalingSettings,
    string InstanceTypeName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Environment);
