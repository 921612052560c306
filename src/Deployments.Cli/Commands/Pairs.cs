using System.Globalization;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;

namespace Deployments.Cli.Commands;

/// <summary>Option values written as key=value (labels, config, environment variables, group sizes).</summary>
internal static class Pairs
{
    public static JsonObject? Strings(string[] values, string option) => Build(values, option, value => JsonValue.Create(value));

    public static JsonObject? Numbers(string[] values, string option) => Build(values, option, value =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : throw new UsageException($"{option} takes name=count with a whole number, not '{value}'."));

    private static JsonObject? Build(string[] values, string option, Func<string, JsonNode?> convert)
    {
        if (values.Length == 0)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var pair in values)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new UsageException($"{option} takes name=value, not '{pair}'.");
            }

            result[pair[..at]] = convert(pair[(at + 1)..]);
        }

        return result;
    }
}
