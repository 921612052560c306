using System.Text.Json;

namespace Deployments.Api.Http;

/// <summary>
/// JSON can spell what is not text: a lone UTF-16 surrogate escape ("\ud800") is valid JSON but half a
/// character, which storage, headers and logs cannot hold and the reader refuses to decode. Every string and
/// field name of a request is read through here, so such a value is a 400 naming its field, not a 500.
/// </summary>
internal static class JsonText
{
    public const string NotText = "must be valid Unicode text (a lone UTF-16 surrogate escape such as \\ud800 is not)";

    public static bool TryGetString(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    public static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }

    /// <summary>
    /// The path of the first string or field name in <paramref name="body"/> that is not text ("body" for the
    /// root, the containing object for a field name); null when all is text or the body is not JSON at all,
    /// which its reader refuses in its own words.
    /// </summary>
    public static string? FirstNonText(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return FirstNonText(document.RootElement, string.Empty);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FirstNonText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryGetString(element, out _) ? null : Field(path);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstNonText(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryGetName(property, out var name))
                    {
                        return Field(path);
                    }

                    if (FirstNonText(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string Field(string path) => path.Length == 0 ? JsonErrors.BodyField : path;
}
