using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Deployments.Orchestrations;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Deployments.Api.Operator;

/// <summary>
/// An instance as Durable Functions' HTTP API shows it (camelCase: <c>instanceId</c>, <c>runtimeStatus</c>,
/// <c>input</c>, <c>customStatus</c>, <c>output</c>, <c>createdTime</c>, <c>lastUpdatedTime</c>,
/// <c>historyEvents</c>), so existing Durable Functions tooling and habits carry over.
/// </summary>
/// <remarks>The names are fixed here, not left to a serializer's policy, so the OpenAPI document states what is sent.</remarks>
internal sealed record InstanceStatusResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("instanceId")] string InstanceId,
    [property: JsonPropertyName("runtimeStatus")] string RuntimeStatus,
    [property: JsonPropertyName("input")] JsonNode? Input,
    [property: JsonPropertyName("customStatus")] JsonNode? CustomStatus,
    [property: JsonPropertyName("output")] JsonNode? Output,
    [property: JsonPropertyName("createdTime")] DateTimeOffset CreatedTime,
    [property: JsonPropertyName("lastUpdatedTime")] DateTimeOffset LastUpdatedTime,
    [property: JsonPropertyName("failureDetails")] TaskFailureDetails? FailureDetails,
    [property: JsonPropertyName("historyEvents")] IReadOnlyList<JsonNode?>? HistoryEvents)
{
    public static InstanceStatusResponse From(OrchestrationMetadata instance, IEnumerable<HistoryEvent>? history = null, bool withHistoryPayloads = true, bool withInput = true) => new(
        instance.Name,
        instance.InstanceId,
        instance.RuntimeStatus.ToString(),
        withInput ? Parse(instance.SerializedInput) : null,
        Parse(instance.SerializedCustomStatus),
        Parse(instance.SerializedOutput),
        instance.CreatedAt,
        instance.LastUpdatedAt,
        instance.FailureDetails,
        history?.Select(e => HistoryEventJson(e, withHistoryPayloads)).ToList());

    /// <summary>One history event with its kind in <c>eventType</c>; payloads dropped unless asked for (they can be large).</summary>
    public static JsonNode? HistoryEventJson(HistoryEvent historyEvent, bool withPayloads)
    {
        var node = JsonSerializer.SerializeToNode(historyEvent, historyEvent.GetType(), WorkflowJson.Options);
        if (node is JsonObject fields)
        {
            if (fields.Remove("eventType", out var kind))
            {
                fields.Insert(0, "eventType", kind);
            }

            fields.Remove("eventId");
            fields.Remove("isPlayed");
            if (!withPayloads)
            {
                fields.Remove("input");
                fields.Remove("result");
            }
        }

        return node;
    }

    /// <summary>Payloads are stored as JSON text; shown as JSON, or as the text itself if it is not JSON.</summary>
    private static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
