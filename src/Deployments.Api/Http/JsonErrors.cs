using System.Text.Json;
using System.Text.RegularExpressions;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Api.Http;

/// <summary>
/// Turns the serializer's complaints into field errors a client can act on: the field path as the API
/// spells it ("options.steps[0].pause", or "body" for the body as a whole) and what the field must be,
/// in the API's words rather than .NET type names.
/// </summary>
internal static partial class JsonErrors
{
    public const string BodyField = "body";

    public static ValidationError From(JsonException exception) => new(Field(exception.Path), Message(exception));

    /// <summary>"$.options.steps[0].pause" becomes "options.steps[0].pause"; the root becomes "body".</summary>
    public static string Field(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return BodyField;
        }

        var field = path.StartsWith('$') ? path[1..] : path;
        return field.StartsWith('.') ? field[1..] : field;
    }

    private static string Message(JsonException exception)
    {
        var text = exception.Message;
        if (text.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a field of this request";
        }

        if (text.Contains("null", StringComparison.OrdinalIgnoreCase) && text.Contains("nullability annotation", StringComparison.Ordinal))
        {
            return "must not be null";
        }

        if (text.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "is given more than once";
        }

        if (ConvertedTo().Match(text) is { Success: true } conversion)
        {
            return $"must be {Describe(conversion.Groups["type"].Value)}";
        }

        // Our own converters (durations) throw with a message meant for clients; the reader's syntax
        // errors say where the JSON broke. Either way the path suffix repeats what the field says.
        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : text;
    }

    private static string Describe(string typeName)
    {
        var inner = NullableOf().Match(typeName) is { Success: true } nullable ? nullable.Groups["inner"].Value : typeName;
        return inner switch
        {
            "System.Guid" => "a uuid",
            "System.Int32" or "System.Int64" or "System.Int16" => "an integer",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            "System.String" => "a string",
            "System.DateTimeOffset" or "System.DateTime" => "an RFC 3339 timestamp",
            "System.TimeSpan" => "a duration such as \"30s\", \"5m\" or \"1h30m\"",
            "System.Uri" => "a URL",
            _ when inner.Contains("Dictionary", StringComparison.Ordinal) => "an object",
            _ when inner.Contains("List", StringComparison.Ordinal) || inner.Contains("Enumerable", StringComparison.Ordinal) || inner.EndsWith("[]", StringComparison.Ordinal) => "an array",
            _ when EnumNamed(inner) is { } values => $"one of: {string.Join(", ", values)}",
            _ => "an object",
        };
    }

    /// <summary>The wire names of a domain enum, so "must be one of: rolling, canary" says what to send.</summary>
    private static IEnumerable<string>? EnumNamed(string typeName) =>
        typeof(DeploymentJson).Assembly.GetType(typeName) is { IsEnum: true } type
            ? Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)
            : null;

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.?(\s|$)")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.+)\]$")]
    private static partial Regex NullableOf();
}
