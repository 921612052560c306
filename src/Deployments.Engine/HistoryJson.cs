using DurableTask.Core.History;
using Newtonsoft.Json.Linq;

namespace Deployments.Engine;

/// <summary>
/// Reads the history dump of the Azure Storage provider (a JSON array of events, each with its
/// <c>EventType</c>) back into the framework's typed history events.
/// </summary>
internal static class HistoryJson
{
    public static IList<HistoryEvent> Parse(string json) =>
        [.. JArray.Parse(json).OfType<JObject>().Select(ToEvent).OfType<HistoryEvent>()];

    private static HistoryEvent? ToEvent(JObject item)
    {
        var kind = item.GetValue(nameof(HistoryEvent.EventType), StringComparison.OrdinalIgnoreCase)?.ToObject<EventType>();
        var type = kind is { } eventType ? typeof(HistoryEvent).Assembly.GetType($"{typeof(HistoryEvent).Namespace}.{eventType}Event") : null;
        return type is null ? null : (HistoryEvent?)item.ToObject(type);
    }
}
