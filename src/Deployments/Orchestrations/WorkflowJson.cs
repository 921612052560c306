using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deployments.Orchestrations;

/// <summary>
/// How orchestration inputs, outputs, events and custom status are serialized, in either host: camelCase,
/// enums by name, nulls left out, so an operator reading an instance sees the same JSON everywhere.
/// </summary>
public static class WorkflowJson
{
    /// <summary>The serializer options every orchestration and activity payload uses.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
