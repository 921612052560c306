using System.Globalization;

namespace Deployments.Cli.Watch;

/// <summary>A change as one line, for logs and CI output where redrawing makes no sense.</summary>
internal static class DeploymentLine
{
    public static string Format(DeploymentSnapshot snapshot, DateTimeOffset now)
    {
        var d = snapshot.Deployment;
        var parts = new List<string> { $"[{Progress.Clock(Progress.Elapsed(d, now))}] {d.Status}: {d.StatusDescription}" };
        if (d.IsCanary)
        {
            parts.Add(Progress.Steps(d));
        }

        parts.AddRange(d.Groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => string.Create(CultureInfo.InvariantCulture,
            $"{g.Key} desired {g.Value.Desired} placed {g.Value.Placed} healthy {g.Value.Healthy} unhealthy {g.Value.Unhealthy}")));
        parts.AddRange((snapshot.Analysis?.Runs ?? []).Select(Analysis));
        if (snapshot.Events.MaxBy(e => e.Sequence) is { } last)
        {
            parts.Add($"{last.Actor}: {last.Message}");
        }

        return string.Join(" | ", parts);
    }

    /// <summary>"analysis step-1 running (error-rate 0.01)": each metric's last value, then the verdict's message once there is one.</summary>
    private static string Analysis(AnalysisRunState run)
    {
        var metrics = (run.Metrics ?? []).Select(m => (m.Measurements ?? []).MaxBy(x => x.Sequence) is { } last ? $"{m.Name} {AnalysisSection.Value(last)}" : m.Name);
        var line = $"analysis {run.Id} {run.Phase} ({string.Join(", ", metrics)})";
        return run.Message is { Length: > 0 } message ? $"{line}: {message}" : line;
    }
}
