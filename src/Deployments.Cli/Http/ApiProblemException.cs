using System.Net;
using System.Text.Json;

namespace Deployments.Cli.Http;

/// <summary>The API refused a request; carries its RFC 9457 problem document (title, detail, field errors).</summary>
internal sealed class ApiProblemException(HttpStatusCode status, string title, string? detail, IReadOnlyList<KeyValuePair<string, string>> fieldErrors)
    : Exception($"{title} ({(int)status})")
{
    public HttpStatusCode Status => status;

    public string Title => title;

    public string? Detail => detail;

    /// <summary>One entry per message, keyed by the field path as the API names it (<c>options.steps[0].pause</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FieldErrors => fieldErrors;

    public static ApiProblemException From(HttpStatusCode status, string? reason, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : reason ?? status.ToString();
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var errors = new List<KeyValuePair<string, string>>();
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in e.EnumerateObject())
                {
                    var messages = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(m => m.ToString()) : [field.Value.ToString()];
                    errors.AddRange(messages.Select(message => KeyValuePair.Create(field.Name, message)));
                }
            }

            return new ApiProblemException(status, title, detail, errors);
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's error page): the status line is all there is to say.
            return new ApiProblemException(status, reason ?? status.ToString(), null, []);
        }
    }
}

/// <summary>Nothing answered at the URL (refused, unknown host, timed out).</summary>
internal sealed class ApiUnreachableException(Uri url, string reason, Exception inner) : Exception($"Could not reach {url}: {reason}", inner)
{
    public Uri Url => url;
}
