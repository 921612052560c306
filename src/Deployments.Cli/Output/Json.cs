using System.Text.Json;

namespace Deployments.Cli.Output;

/// <summary>Reading fields out of the API's JSON for display, forgiving of absent ones.</summary>
internal static class Json
{
    public static string Str(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Show(value) : string.Empty;

    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static int Int(this JsonElement element, string name) => element.Get(name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt32() : 0;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string? listName = null)
    {
        var list = listName is null ? element : element.Get(listName);
        return list is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
    }

    /// <summary>Strings bare, null as empty, everything else as compact JSON.</summary>
    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        _ => value.GetRawText(),
    };

    /// <summary>The first 8 characters of a uuid, as Nomad shows ids in lists.</summary>
    public static string Short(string id) => id.Length > 8 ? id[..8] : id;
}
