using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Deployments.Model;

/// <summary>
/// Durations as people write them in deployment specs: "30s", "5m", "1h30m", "250ms" (as Nomad and Go
/// do), or "hh:mm:ss". Written back in the short form.
/// </summary>
/// <remarks>
/// In the domain, not the API, because notifications write a deployment's options exactly as the API does;
/// stored documents keep <see cref="TimeSpan"/>'s own form and do not use it.
/// </remarks>
public sealed partial class DurationJsonConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("must be a duration such as \"30s\", \"5m\" or \"1h30m\" (a string)");
        }

        var text = reader.GetString()!;
        if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var exact))
        {
            return exact;
        }

        var match = GoDuration().Match(text);
        if (!match.Success || match.Length == 0)
        {
            throw new JsonException($"'{text}' is not a duration such as \"30s\", \"5m\" or \"1h30m\".");
        }

        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            return TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s")) + TimeSpan.FromMilliseconds(Part("ms"));
        }
        catch (OverflowException)
        {
            // "9999999999h" is well-formed but no TimeSpan: a client error, not a server fault.
            throw new JsonException($"'{text}' is longer than any duration this API accepts.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DurationText.Of(value));

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+)ms)?$")]
    private static partial Regex GoDuration();
}
