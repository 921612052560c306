namespace Deployments.Model;

/// <summary>Why an analysis runs: as a canary step's gate or in the background of the whole canary.</summary>
public enum AnalysisKind
{
    /// <summary>Gates one canary step: the step continues when it succeeds.</summary>
    Step,

    /// <summary>Runs from the first canary step until promotion; fails the deployment the moment a metric fails.</summary>
    Background,
}

/// <summary>
/// One run of analysis for a deployment: the metrics it measures (with the templates' arguments filled in)
/// and, once decided, its verdict. Measurements are stored beside it, one row each.
/// </summary>
/// <param name="Id">Unique within the deployment: "background", or "step-N" for step N's gate.</param>
/// <param name="DeploymentId">Deployment the run judges.</param>
/// <param name="Kind">Step gate or background.</param>
/// <param name="Step">The 1-based canary step a gate belongs to; null for background analysis.</param>
/// <param name="Templates">Templates the metrics came from.</param>
/// <param name="Metrics">The metrics as measured, arguments filled in.</param>
/// <param name="Phase">Running until a verdict.</param>
/// <param name="Message">Why the verdict is what it is; null while running.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="EndedAt">When it reached its verdict; null while running.</param>
public sealed record AnalysisRun(
    string Id,
    Guid DeploymentId,
    AnalysisKind Kind,
    int? Step,
    IReadOnlyList<string> Templates,
    IReadOnlyList<AnalysisMetric> Metrics,
    AnalysisPhase Phase,
    string? Message,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt = null);

/// <summary>One measurement of one metric.</summary>
/// <param name="RunId">Run it belongs to.</param>
/// <param name="Metric">Metric measured.</param>
/// <param name="Sequence">1-based position among the metric's measurements; with the run and metric, its identity.</param>
/// <param name="At">When the provider was read.</param>
/// <param name="Value">What the provider answered (<c>result</c>); empty on an error.</param>
/// <param name="Phase">Successful, failed, inconclusive or error.</param>
/// <param name="Error">Why the provider or a condition could not be read; null otherwise.</param>
public sealed record Measurement(string RunId, string Metric, int Sequence, DateTimeOffset At, IReadOnlyList<double> Value, AnalysisPhase Phase, string? Error = null);
