using System.Globalization;

namespace Deployments.Model;

/// <summary>Durations as people write them in deployment specs ("250ms", "30s", "5m", "2h"): the API's JSON and status texts say them the same way.</summary>
internal static class DurationText
{
    /// <summary>The largest unit that states the duration exactly.</summary>
    public static string Of(TimeSpan value) => value == TimeSpan.Zero ? "0s"
        : value.TotalMilliseconds % 1000 != 0 ? Format(value.TotalMilliseconds, "ms")
        : value.TotalSeconds % 60 != 0 ? Format(value.TotalSeconds, "s")
        : value.TotalMinutes % 60 != 0 ? Format(value.TotalMinutes, "m")
        : Format(value.TotalHours, "h");

    private static string Format(double amount, string unit) => amount.ToString("0", CultureInfo.InvariantCulture) + unit;
}
