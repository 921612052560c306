using System.Globalization;
using System.Text.Json;

namespace Deployments.Metrics.Providers;

/// <summary>
/// A selected JSON value as a reading: a number, a numeric string (many APIs quote numbers, Prometheus does), or an
/// array of those. Anything else is no reading: null.
/// </summary>
internal static class JsonNumbers
{
    public static IReadOnlyList<double>? Values(JsonElement selected)
    {
        if (selected.ValueKind != JsonValueKind.Array)
        {
            return Number(selected) is { } one ? [one] : null;
        }

        var values = new List<double>(selected.GetArrayLength());
        foreach (var element in selected.EnumerateArray())
        {
            if (Number(element) is not { } value)
            {
                return null;
            }

            values.Add(value);
        }

        return values;
    }

    private static double? Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDouble(out var number) => number,
        JsonValueKind.String => Parse(element.GetString()!),
        _ => null,
    };

    private static double? Parse(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Infinity" => double.PositiveInfinity,
        "-Inf" or "-Infinity" => double.NegativeInfinity,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) => value,
        _ => null,
    };
}
