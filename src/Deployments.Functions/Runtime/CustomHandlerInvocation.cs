using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deployments.Functions.Runtime;

/// <summary>
/// What the Functions host POSTs to a custom handler for a non-HTTP trigger: <c>{"Data": {binding: value},
/// "Metadata": {...}}</c>. For a queue trigger the value is the message text and the metadata carries the
/// message's <c>Id</c>, <c>DequeueCount</c> and <c>InsertionTime</c>. Parsed by hand rather than bound: the
/// API's JSON settings (snake_case, unknown fields refused) do not apply to the host's own payload.
/// </summary>
internal sealed record QueueInvocation(string MessageText, string MessageId, long DequeueCount, DateTimeOffset? InsertedOn)
{
    public const string BindingName = "message";

    public static QueueInvocation Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The invocation needs 'Data' and 'Metadata' objects.");
        }

        // The host names the value by the trigger's binding; any single binding is accepted.
        var message = data.TryGetProperty(BindingName, out var named) ? named
            : data.EnumerateObject().Select(p => p.Value).FirstOrDefault();
        var text = message.ValueKind switch
        {
            JsonValueKind.String => message.GetString()!,
            JsonValueKind.Undefined or JsonValueKind.Null => throw new FormatException("'Data' holds no queue message."),
            _ => message.GetRawText(),
        };
        var id = Text(metadata, "Id") ?? throw new FormatException("'Metadata.Id' is missing.");
        var dequeueCount = long.TryParse(Text(metadata, "DequeueCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 1;
        var inserted = DateTimeOffset.TryParse(Text(metadata, "InsertionTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        return new QueueInvocation(text, id, dequeueCount, inserted);
    }

    /// <summary>The host sends metadata values as JSON strings or numbers depending on its version; both read the same.</summary>
    private static string? Text(JsonElement metadata, string name) =>
        metadata.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}

/// <summary>The custom handler's answer: no output bindings, a few log lines, no return value.</summary>
internal sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    public static InvocationResponse WithLogs(params string[] logs) => new(new Dictionary<string, object?>(), logs, null);
}
