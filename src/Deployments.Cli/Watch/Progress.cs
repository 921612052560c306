using System.Globalization;

namespace Deployments.Cli.Watch;

/// <summary>The words both views share: canary step k of n with weights, elapsed time, the progress deadline.</summary>
internal static class Progress
{
    /// <summary>"step 1 of 2: [34%] > 67% > 100%", the current weight in brackets; empty for a rolling deployment.</summary>
    public static string Steps(WatchedDeployment deployment)
    {
        if (!deployment.IsCanary)
        {
            return string.Empty;
        }

        var weights = (deployment.Options.Steps ?? []).Select(s => s.InstanceWeight).Append(100).Distinct().ToList();
        var current = deployment.Status == "successful" ? weights.Count : deployment.CurrentStep;
        var marked = weights.Select((weight, i) => i + 1 == current ? $"[{weight}%]" : $"{weight}%");
        return $"step {deployment.CurrentStep} of {deployment.TotalSteps}: {string.Join(" > ", marked)}";
    }

    public static TimeSpan Elapsed(WatchedDeployment deployment, DateTimeOffset now) =>
        (deployment.IsTerminal ? deployment.UpdatedAt : now) - deployment.CreatedAt;

    /// <summary>"deadline 10m (9:18 left)": the progress deadline, counted from creation (paused time, which does not count, is not shown by the API).</summary>
    public static string Deadline(WatchedDeployment deployment, DateTimeOffset now)
    {
        if (deployment.IsTerminal || deployment.Options.ProgressDeadline is not { } deadline)
        {
            return string.Empty;
        }

        var left = deployment.CreatedAt + ParseDuration(deadline) - now;
        return left > TimeSpan.Zero ? $"progress deadline {deadline} ({Clock(left)} left)" : $"progress deadline {deadline} (passed)";
    }

    public static string Clock(TimeSpan span) =>
        span.TotalHours >= 1
            ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : span.Duration().ToString(@"m\:ss", CultureInfo.InvariantCulture);

    /// <summary>The API writes durations as "250ms", "30s", "5m" or "2h".</summary>
    public static TimeSpan ParseDuration(string text)
    {
        static double Number(string digits) => double.Parse(digits, CultureInfo.InvariantCulture);
        return text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(Number(text[..^2])),
            _ when text.EndsWith('s') => TimeSpan.FromSeconds(Number(text[..^1])),
            _ when text.EndsWith('m') => TimeSpan.FromMinutes(Number(text[..^1])),
            _ when text.EndsWith('h') => TimeSpan.FromHours(Number(text[..^1])),
            _ => TimeSpan.Zero,
        };
    }
}
