using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Deployments.Api.Operator;

/// <summary>What a purge answers, as Durable Functions does.</summary>
internal sealed record PurgeResponse([property: JsonPropertyName("instancesDeleted")] int InstancesDeleted);

/// <summary>An instance's history alone: each event with its kind in <c>eventType</c>.</summary>
internal sealed record InstanceHistoryResponse(
    [property: JsonPropertyName("instanceId")] string InstanceId,
    [property: JsonPropertyName("historyEvents")] IReadOnlyList<JsonNode?> HistoryEvents);
