using System.Text.Json;
using System.Text.RegularExpressions;
using Deployments.Api.Http;
using Deployments.Api.Seeds.Mengi.FastApi;

namespace Deployments.Api.Seeds.Mengi;

/// <summary>
/// One of our field errors in pydantic v2's terms: the field path as a loc array under where the value came from
/// (<c>path</c>, <c>query</c> or <c>body</c>), and the error type and message pydantic gives for that mistake.
/// </summary>
internal static partial class PydanticError
{
    public static ValidationError Of(HttpContext http, string? body, string field, string message)
    {
        if (field == JsonErrors.BodyField)
        {
            return OfBody(body, message);
        }

        var source = IsRouteParameter(http, field) ? "path" : http.Request.Query.ContainsKey(field) ? "query" : "body";
        List<object> loc = [source, .. Steps(field)];
        var (type, msg) = Describe(message, source == "body" ? MengiRequestBody.At(body, loc.Skip(1)) is { ValueKind: JsonValueKind.String } text ? text.GetString() : null : Quoted(message));
        // Every object of Mengi's request is a model but config, a dict: pydantic names a model's mistake its own way.
        return type == "dict_type" && loc[^1] is not "config"
            ? new ValidationError(loc, "Input should be a valid dictionary or object to extract fields from", "model_attributes_type")
            : new ValidationError(loc, msg, type);
    }

    private static bool IsRouteParameter(HttpContext http, string field) =>
        SeedProblemWriter.EndpointOf(http) is RouteEndpoint route && route.RoutePattern.GetParameter(field) is not null;

    /// <summary>"overrides.environment_variables[0].name" → "overrides", "environment_variables", 0, "name".</summary>
    private static IEnumerable<object> Steps(string field)
    {
        foreach (Match step in Step().Matches(field))
        {
            yield return step.Groups["index"].Success ? int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) : step.Groups["name"].Value;
        }
    }

    /// <summary>The body as a whole: absent, not an object, or not JSON at all (located at the character where it broke).</summary>
    private static ValidationError OfBody(string? body, string message)
    {
        if (message.StartsWith("is not valid JSON", StringComparison.Ordinal))
        {
            var at = Position().Match(message) is { Success: true } position
                ? MengiRequestBody.Offset(body, int.Parse(position.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(position.Groups["byte"].Value, System.Globalization.CultureInfo.InvariantCulture))
                : 0;
            return new(["body", at], "JSON decode error", "json_invalid");
        }

        return message switch
        {
            "a JSON object is required" => new(["body"], "Field required", "missing"),
            "must be a JSON object" => new(["body"], "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"),
            _ => new(["body"], $"Value error, {message}", "value_error"),
        };
    }

    private static (string Type, string Msg) Describe(string message, string? input) => message switch
    {
        "is required" => ("missing", "Field required"),
        "is not a field of this request" => ("extra_forbidden", "Extra inputs are not permitted"),
        _ when message.EndsWith("a uuid", StringComparison.Ordinal) => ("uuid_parsing", $"Input should be a valid UUID, {WhyNotAUuid(input)}"),
        _ when message.EndsWith("true or false", StringComparison.Ordinal) => ("bool_parsing", "Input should be a valid boolean"),
        _ when message.EndsWith("an integer", StringComparison.Ordinal) => ("int_parsing", "Input should be a valid integer"),
        _ when message.EndsWith("a number", StringComparison.Ordinal) => ("float_parsing", "Input should be a valid number"),
        _ when message.EndsWith("a string", StringComparison.Ordinal) => ("string_type", "Input should be a valid string"),
        _ when message.EndsWith("an object", StringComparison.Ordinal) => ("dict_type", "Input should be a valid dictionary"),
        _ when message.EndsWith("an array", StringComparison.Ordinal) => ("list_type", "Input should be a valid list"),
        _ => ("value_error", $"Value error, {message}"),
    };

    /// <summary>What the uuid crate pydantic uses says of a text that is not a uuid.</summary>
    private static string WhyNotAUuid(string? input)
    {
        if (input is null)
        {
            return "invalid input";
        }

        var text = input.StartsWith("urn:uuid:", StringComparison.Ordinal) ? input[9..] : input;
        var offset = input.Length - text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]) && text[i] != '-')
            {
                return $"invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `{text[i]}` at {offset + i + 1}";
            }
        }

        var groups = text.Split('-');
        if (groups.Length == 1)
        {
            return $"invalid length: expected length 32 for simple format, found {text.Length}";
        }

        if (groups.Length != 5)
        {
            return $"invalid group count: expected 5, found {groups.Length}";
        }

        int[] expected = [8, 4, 4, 4, 12];
        var wrong = Enumerable.Range(0, 5).First(g => groups[g].Length != expected[g]);
        return $"invalid group length in group {wrong}: expected {expected[wrong]}, found {groups[wrong].Length}";
    }

    /// <summary>The value a binding failure quotes: "'abc' is not a uuid".</summary>
    private static string? Quoted(string message) => QuotedValue().Match(message) is { Success: true } quoted ? quoted.Groups["value"].Value : null;

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex Step();

    [GeneratedRegex(@"LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)")]
    private static partial Regex Position();

    [GeneratedRegex("^'(?<value>.*)' is not ")]
    private static partial Regex QuotedValue();
}
