using Deployments.Model;
using Deployments.Service;

namespace Deployments.Api.Apis;

/// <summary><c>GET /api/deployments/{id}/analysis</c>: every analysis run of the deployment with its measurements.</summary>
internal sealed record AnalysisResource(Guid DeploymentId, IReadOnlyList<AnalysisRunResource> Runs)
{
    public static AnalysisResource From(AnalysisReport report) => new(report.DeploymentId, [.. report.Runs.Select(AnalysisRunResource.From)]);
}

/// <summary>One run: its verdict and, per metric, the conditions it was judged by and its measurements over time.</summary>
internal sealed record AnalysisRunResource(
    string Id,
    AnalysisKind Kind,
    int? Step,
    IReadOnlyList<string> Templates,
    AnalysisPhase Phase,
    string? Message,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<AnalysisMetricResource> Metrics)
{
    public static AnalysisRunResource From(AnalysisRunReport report)
    {
        var run = report.Run;
        return new(run.Id, run.Kind, run.Step, run.Templates, run.Phase, run.Message, run.StartedAt, run.EndedAt,
            [.. run.Metrics.Select(metric => AnalysisMetricResource.From(metric, [.. report.Measurements.Where(m => m.Metric == metric.Name)]))]);
    }
}

/// <summary>A metric of a run: what it asked, how it judged, and what it measured.</summary>
internal sealed record AnalysisMetricResource(
    string Name,
    string Provider,
    string? Query,
    string? SuccessCondition,
    string? FailureCondition,
    TimeSpan Interval,
    int? Count,
    int FailureLimit,
    int InconclusiveLimit,
    int ConsecutiveErrorLimit,
    AnalysisPhase Phase,
    IReadOnlyList<MeasurementResource> Measurements)
{
    public static AnalysisMetricResource From(AnalysisMetric metric, IReadOnlyList<Measurement> measurements)
    {
        var tally = new Rules.MetricTally(metric);
        foreach (var measurement in measurements)
        {
            tally.Add(measurement);
        }

        return new(metric.Name, metric.Provider.Kind, metric.Provider.Prometheus?.Query ?? metric.Provider.Web?.Url, metric.SuccessCondition, metric.FailureCondition,
            metric.Interval, metric.Count, metric.FailureLimit, metric.InconclusiveLimit, metric.ConsecutiveErrorLimit, tally.Phase,
            [.. measurements.Select(MeasurementResource.From)]);
    }
}

/// <summary>One measurement: when, what the provider answered (<c>result</c>), how it was judged, and any error.</summary>
internal sealed record MeasurementResource(int Sequence, DateTimeOffset At, IReadOnlyList<double> Value, AnalysisPhase Phase, string? Error)
{
    public static MeasurementResource From(Measurement measurement) => new(measurement.Sequence, measurement.At, measurement.Value, measurement.Phase, measurement.Error);
}
