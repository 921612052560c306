using System.Text.Json.Serialization;

namespace Deployments.Api.Seeds.Nomad;

/// <summary>
/// A Nomad command body: the deployment it names, checked against the path, beside the fields of Nomad's
/// <c>WriteRequest</c> that its Go client embeds in every body. Those are accepted so its bodies read, and ignored:
/// there is one region, the namespace is the deployment's, the key comes in <c>X-Nomad-Token</c>, and
/// <c>Idempotency-Key</c> is this API's idempotency.
/// </summary>
internal interface INomadWriteRequest
{
    /// <summary>The deployment the body names, which must be the path's.</summary>
    string? DeploymentId { get; }
}

/// <summary>Nomad's DeploymentPauseRequest: <c>Pause</c> true pauses, false resumes.</summary>
internal sealed record NomadPauseBody(
    [property: JsonPropertyName("DeploymentID")] string? DeploymentId = null,
    [property: JsonPropertyName("Pause")] bool Pause = false,
    [property: JsonPropertyName("Region")] string? Region = null,
    [property: JsonPropertyName("Namespace")] string? Namespace = null,
    [property: JsonPropertyName("SecretID")] string? SecretId = null,
    [property: JsonPropertyName("IdempotencyToken")] string? IdempotencyToken = null) : INomadWriteRequest;

/// <summary>Nomad's DeploymentPromoteRequest: <c>All</c> groups, or the named <c>Groups</c>.</summary>
internal sealed record NomadPromoteBody(
    [property: JsonPropertyName("DeploymentID")] string? DeploymentId = null,
    [property: JsonPropertyName("All")] bool All = false,
    [property: JsonPropertyName("Groups")] IReadOnlyList<string>? Groups = null,
    [property: JsonPropertyName("Region")] string? Region = null,
    [property: JsonPropertyName("Namespace")] string? Namespace = null,
    [property: JsonPropertyName("SecretID")] string? SecretId = null,
    [property: JsonPropertyName("IdempotencyToken")] string? IdempotencyToken = null) : INomadWriteRequest;

/// <summary>Nomad's DeploymentAllocHealthRequest: allocations marked healthy and unhealthy by hand.</summary>
internal sealed record NomadAllocationHealthBody(
    [property: JsonPropertyName("DeploymentID")] string? DeploymentId = null,
    [property: JsonPropertyName("HealthyAllocationIDs")] IReadOnlyList<Guid>? HealthyAllocationIds = null,
    [property: JsonPropertyName("UnhealthyAllocationIDs")] IReadOnlyList<Guid>? UnhealthyAllocationIds = null,
    [property: JsonPropertyName("Region")] string? Region = null,
    [property: JsonPropertyName("Namespace")] string? Namespace = null,
    [property: JsonPropertyName("SecretID")] string? SecretId = null,
    [property: JsonPropertyName("IdempotencyToken")] string? IdempotencyToken = null) : INomadWriteRequest;

/// <summary>
/// Nomad's DeploymentUpdateResponse. The evaluation is the stand-in of <see cref="NomadEvaluation"/>; every index
/// is the deployment's modify index after the command. <c>RevertedJobVersion</c> is there only when the command
/// fails a deployment that reverts.
/// </summary>
internal sealed record NomadDeploymentUpdate(
    [property: JsonPropertyName("EvalID")] Guid EvalId,
    [property: JsonPropertyName("EvalCreateIndex")] long EvalCreateIndex,
    [property: JsonPropertyName("DeploymentModifyIndex")] long DeploymentModifyIndex,
    [property: JsonPropertyName("RevertedJobVersion")] int? RevertedJobVersion,
    [property: JsonPropertyName("Index")] long Index);

/// <summary>Nomad's DeploymentFailRequest; the documented request sends no body, the Go client this one.</summary>
internal sealed record NomadFailBody(
    [property: JsonPropertyName("DeploymentID")] string? DeploymentId = null,
    [property: JsonPropertyName("Region")] string? Region = null,
    [property: JsonPropertyName("Namespace")] string? Namespace = null,
    [property: JsonPropertyName("SecretID")] string? SecretId = null,
    [property: JsonPropertyName("IdempotencyToken")] string? IdempotencyToken = null) : INomadWriteRequest;
