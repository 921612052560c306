using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deployments.HostExtension.Tests.Infrastructure;

/// <summary>
/// A host.json document: the shipped one or a variant of it, with the Durable settings the tests compare
/// against storage. Names are looked up case-insensitively, as the Functions host reads the file.
/// </summary>
internal sealed class HostJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly JsonObject _root;

    private HostJson(JsonObject root) => _root = root;

    public static HostJson Shipped() => Parse(File.ReadAllText(RepositoryFiles.HostJson));

    public static HostJson Parse(string text) =>
        new(JsonNode.Parse(text) as JsonObject ?? throw new FormatException("host.json is not a JSON object."));

    /// <summary>The <c>extensions.durableTask</c> section (absent sections fail here, naming the path).</summary>
    public JsonObject DurableTask => Section(_root, "extensions", "durableTask");

    public string HubName =>
        Child(DurableTask, "hubName")?.GetValue<string>()
        ?? throw new InvalidOperationException("host.json sets no extensions.durableTask.hubName.");

    /// <summary>The partition count host.json asks for, or null where it leaves the extension's default.</summary>
    public int? PartitionCount =>
        Child(DurableTask, "storageProvider") is JsonObject storageProvider && Child(storageProvider, "partitionCount") is { } count
            ? count.GetValue<int>()
            : null;

    /// <summary>A copy with one value of <c>extensions.durableTask</c> (at <paramref name="path"/> below it) replaced or added.</summary>
    public HostJson WithDurableTaskValue(string path, JsonNode value)
    {
        var copy = new HostJson((JsonObject)_root.DeepClone());
        var names = path.Split('.');
        var parent = Section(copy.DurableTask, names[..^1]);
        var existing = parent.Select(pair => pair.Key).FirstOrDefault(key => Same(key, names[^1]));
        parent[existing ?? names[^1]] = value;
        return copy;
    }

    public string ToJsonString() => _root.ToJsonString(Indented);

    private static JsonObject Section(JsonObject from, params string[] names)
    {
        var current = from;
        foreach (var name in names)
        {
            current = Child(current, name) as JsonObject
                ?? throw new InvalidOperationException($"host.json has no object '{name}' where one is expected ({string.Join('.', names)}).");
        }

        return current;
    }

    private static JsonNode? Child(JsonObject parent, string name) =>
        parent.FirstOrDefault(pair => Same(pair.Key, name)).Value;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
