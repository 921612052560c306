using Deployments.Model;
using Deployments.Rules;

namespace Deployments.Orchestrations;

/// <summary>Starts one analysis run for a deployment.</summary>
/// <param name="DeploymentId">Deployment judged.</param>
/// <param name="RunId">"background" or "step-N": unique within the deployment.</param>
/// <param name="Kind">Step gate or background.</param>
/// <param name="Step">1-based canary step of a gate; null for background analysis.</param>
/// <param name="Gate">Templates and arguments the deployment named.</param>
/// <param name="StableRevision">Revision the app ran before; the {{stable_revision}} argument.</param>
/// <param name="Progress">Where a run that started over as a new generation (<c>ContinueAsNew</c>) had got to; null at its start.</param>
public sealed record AnalysisRequest(Guid DeploymentId, string RunId, AnalysisKind Kind, int? Step, AnalysisGate Gate, int? StableRevision, AnalysisProgress? Progress = null);

/// <summary>A run's state carried across generations: the run itself, each metric's tally so far and when each is next due.</summary>
/// <param name="Run">The run as started.</param>
/// <param name="Tallies">Each metric's counts, by metric name.</param>
/// <param name="NextDue">When each metric is next measured, by metric name.</param>
public sealed record AnalysisProgress(AnalysisRun Run, IReadOnlyDictionary<string, MetricTallyState> Tallies, IReadOnlyDictionary<string, DateTime> NextDue);

/// <summary>How a run ended.</summary>
/// <param name="Phase">Successful, failed, inconclusive or stopped.</param>
/// <param name="Message">Why: the metric, its value and its condition for a failure.</param>
public sealed record AnalysisVerdict(AnalysisPhase Phase, string Message);

/// <summary>Takes one measurement.</summary>
/// <param name="DeploymentId">Deployment judged.</param>
/// <param name="RunId">Run the measurement belongs to.</param>
/// <param name="Metric">The metric with its arguments filled in.</param>
/// <param name="Sequence">1-based; with the run and the metric, the measurement's identity.</param>
public sealed record MeasureRequest(Guid DeploymentId, string RunId, AnalysisMetric Metric, int Sequence);

/// <summary>Records a run's verdict: on the run, on the deployment's timeline and as a CloudEvent.</summary>
/// <param name="DeploymentId">Deployment judged.</param>
/// <param name="Run">The run decided.</param>
/// <param name="Verdict">Its verdict.</param>
public sealed record FinishAnalysisRequest(Guid DeploymentId, AnalysisRun Run, AnalysisVerdict Verdict);

/// <summary>Names of the analysis orchestration's activities and events.</summary>
public static class AnalysisActivities
{
    /// <summary>Resolves templates and arguments, and records the run.</summary>
    public const string Start = "StartAnalysisRun";

    /// <summary>Reads a provider once, judges the reading and stores it.</summary>
    public const string Measure = "MeasureMetric";

    /// <summary>Records a verdict.</summary>
    public const string Finish = "FinishAnalysisRun";

    /// <summary>Event that stops a run before its verdict (the deployment was promoted, failed or cancelled).</summary>
    public const string StopEvent = "StopAnalysis";

    /// <summary>Measurement rounds one generation of a run takes before it starts over, keeping its history short.</summary>
    public const int RoundsPerGeneration = 100;

    /// <summary>The instance id of a deployment's run: fixed, so a rollout replaying its history finds the same run.</summary>
    public static string InstanceId(Guid deploymentId, string runId) => $"{deploymentId:N}-analysis-{runId}";
}
