using Deployments.Metrics;

namespace Deployments.Model;

/// <summary>
/// A reusable set of metrics that judge a revision: measured during a canary, they decide whether it proceeds,
/// fails (and reverts) or waits for a human. Namespaced, named like environments.
/// </summary>
/// <param name="Name">Unique within its namespace.</param>
/// <param name="Namespace">Namespace the template belongs to; deployments use templates of their app's namespace.</param>
/// <param name="Metrics">One or more metrics, each measured on its own schedule.</param>
/// <param name="Args">Arguments the template declares beyond the built-in ones, each with an optional default.</param>
/// <param name="CreatedAt">When the template was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record AnalysisTemplate(
    string Name,
    string Namespace,
    IReadOnlyList<AnalysisMetric> Metrics,
    IReadOnlyList<AnalysisArgument> Args,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : INamespaced
{
    /// <summary>The arguments every analysis fills in from its deployment; a template need not declare them.</summary>
    public static IReadOnlyList<string> BuiltInArguments { get; } = ["app", "namespace", "revision", "stable_revision", "deployment_id", "group"];
}

/// <summary>An argument a template declares.</summary>
/// <param name="Name">Referred to as {{name}} in the template's providers.</param>
/// <param name="Value">Default used when the deployment gives none; null makes the argument required.</param>
public sealed record AnalysisArgument(string Name, string? Value = null);

/// <summary>
/// One metric: where its value comes from, how often it is measured, and the conditions that judge each
/// measurement. The limits say how many bad measurements the metric tolerates before its verdict.
/// </summary>
/// <param name="Name">Unique within its template (and within one analysis run).</param>
/// <param name="Provider">Where a measurement reads its value.</param>
/// <param name="Interval">Time between measurements.</param>
/// <param name="Count">Measurements to take; null to keep measuring until the analysis is stopped (background analysis).</param>
/// <param name="InitialDelay">Wait before the first measurement, so the new revision has taken traffic; none when null.</param>
/// <param name="SuccessCondition">Expression over <c>result</c> that makes a measurement successful.</param>
/// <param name="FailureCondition">Expression over <c>result</c> that makes a measurement failed.</param>
/// <param name="FailureLimit">Failed measurements tolerated; one more fails the metric.</param>
/// <param name="InconclusiveLimit">Inconclusive measurements tolerated; one more makes the metric inconclusive.</param>
/// <param name="ConsecutiveErrorLimit">Provider errors in a row tolerated; one more makes the metric inconclusive.</param>
public sealed record AnalysisMetric(
    string Name,
    MetricProvider Provider,
    TimeSpan Interval,
    int? Count = null,
    TimeSpan? InitialDelay = null,
    string? SuccessCondition = null,
    string? FailureCondition = null,
    int FailureLimit = 0,
    int InconclusiveLimit = 0,
    int ConsecutiveErrorLimit = AnalysisMetric.DefaultConsecutiveErrorLimit)
{
    /// <summary>Provider errors in a row a metric tolerates when its template says nothing, as in Argo Rollouts.</summary>
    public const int DefaultConsecutiveErrorLimit = 4;
}

/// <summary>Which templates an analysis runs and the arguments the deployment gives them.</summary>
/// <param name="Templates">Template names, in the deployment's app's namespace.</param>
/// <param name="Args">Argument values; they win over the templates' defaults.</param>
public sealed record AnalysisGate(IReadOnlyList<string> Templates, IReadOnlyDictionary<string, string>? Args = null);
