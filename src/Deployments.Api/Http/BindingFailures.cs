using System.Text.Json;
using System.Text.RegularExpressions;
using Deployments.Refusals;

namespace Deployments.Api.Http;

/// <summary>
/// The framework reports a route or query value it cannot bind (a malformed uuid in the path, a word where
/// a number belongs) only in its exception message; this recovers the parameter, so the 400 names the
/// field as the client spelled it (<c>createdFrom</c> is the <c>created_from</c> query value).
/// </summary>
internal static partial class BindingFailures
{
    private const int MaxEchoedValue = 64;

    public static ValidationError? ToFieldError(BadHttpRequestException failure)
    {
        if (FailedToBind().Match(failure.Message) is { Success: true } bad)
        {
            var value = bad.Groups["value"].Value;
            var shown = value.Length > MaxEchoedValue ? value[..MaxEchoedValue] + "…" : value;
            return new(Field(bad.Groups["name"].Value), $"'{shown}' is not {Describe(bad.Groups["type"].Value)}");
        }

        if (NotProvided().Match(failure.Message) is { Success: true } missing)
        {
            return new(Field(missing.Groups["name"].Value), "is required");
        }

        return null;
    }

    private static string Field(string parameter) => JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter);

    private static string Describe(string type) => type.TrimEnd('?') switch
    {
        "Guid" => "a uuid",
        "int" or "long" or "Int32" or "Int64" => "an integer",
        "bool" or "Boolean" => "true or false",
        "DateTimeOffset" or "DateTime" => "an RFC 3339 timestamp",
        _ => "a valid value",
    };

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" was not provided", RegexOptions.Singleline)]
    private static partial Regex NotProvided();
}
