using Deployments.Model;

namespace Deployments.Rules;

/// <summary>
/// What a run's metrics add up to. One failed metric fails the run at once, whatever the others are doing. Otherwise
/// the run waits for every metric that has an end (a count); then any inconclusive one makes it inconclusive, else it
/// succeeded. Metrics without a count (background analysis) never end a run on their own but by failing or by being
/// inconclusive.
/// </summary>
public static class AnalysisVerdicts
{
    /// <summary>The run's phase and why; null while it must keep measuring.</summary>
    public static (AnalysisPhase Phase, string Message)? Decide(IReadOnlyCollection<MetricTally> tallies)
    {
        if (tallies.Count == 0)
        {
            return (AnalysisPhase.Inconclusive, "the analysis has no metrics");
        }

        if (tallies.FirstOrDefault(t => t.Phase == AnalysisPhase.Failed) is { } failed)
        {
            return (AnalysisPhase.Failed, failed.Explain()!);
        }

        if (tallies.Any(t => t.Phase == AnalysisPhase.Running && t.Metric.Count is not null))
        {
            return null;
        }

        var inconclusive = tallies.Where(t => t.Phase == AnalysisPhase.Inconclusive).ToList();
        if (inconclusive.Count > 0)
        {
            return (AnalysisPhase.Inconclusive, string.Join("; ", inconclusive.Select(t => t.Explain())));
        }

        if (tallies.Any(t => t.Phase == AnalysisPhase.Running))
        {
            return null;
        }

        return (AnalysisPhase.Successful, string.Join("; ", tallies.Select(t => t.Explain())));
    }
}
