using System.Text;
using System.Text.Json;

namespace Deployments.Api.Seeds.Mengi;

/// <summary>
/// The request's body as text, for an error to quote from: pydantic says which uuid it could not read and where
/// the JSON broke. The body reader leaves the body buffered and rewound, so it can be read again here.
/// </summary>
internal static class MengiRequestBody
{
    public static async Task<string?> ReadAsync(HttpContext http)
    {
        if (!http.Request.Body.CanSeek)
        {
            return null;
        }

        http.Request.Body.Position = 0;
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        http.Request.Body.Position = 0;
        return text;
    }

    /// <summary>The value at <paramref name="loc"/> (field names and item indexes) in the body, if the body is JSON and has one there.</summary>
    public static JsonElement? At(string? body, IEnumerable<object> loc)
    {
        if (body is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var element = document.RootElement;
            foreach (var step in loc)
            {
                switch (step)
                {
                    case string name when element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property):
                        element = property;
                        break;
                    case int index when element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength():
                        element = element[index];
                        break;
                    default:
                        return null;
                }
            }

            return element.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The character offset in <paramref name="body"/> of a line and a UTF-8 byte position in it, as pydantic counts where JSON broke.</summary>
    public static int Offset(string? body, int line, int bytePositionInLine)
    {
        if (body is null)
        {
            return 0;
        }

        var start = 0;
        for (var i = 0; i < line && start < body.Length; i++)
        {
            var next = body.IndexOf('\n', start);
            start = next < 0 ? body.Length : next + 1;
        }

        var bytes = Encoding.UTF8.GetBytes(body[start..]);
        return start + Encoding.UTF8.GetCharCount(bytes, 0, Math.Min(bytePositionInLine, bytes.Length));
    }
}
