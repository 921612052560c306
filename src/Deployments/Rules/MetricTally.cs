using Deployments.Model;

namespace Deployments.Rules;

/// <summary>
/// The running count of one metric's measurements and the verdict they add up to. A limit is what is tolerated:
/// one failure more than <see cref="AnalysisMetric.FailureLimit"/> fails the metric, as in Argo Rollouts. A metric
/// that reaches its count succeeds only if at least one measurement did: errors alone never make a success.
/// </summary>
public sealed class MetricTally(AnalysisMetric metric)
{
    /// <summary>A tally picked up where <paramref name="state"/> left it (a run that started over as a new generation).</summary>
    public MetricTally(AnalysisMetric metric, MetricTallyState state)
        : this(metric)
    {
        (Taken, Successes, Failures, Inconclusives, ConsecutiveErrors, Last, LastFailure, Phase) =
            (state.Taken, state.Successes, state.Failures, state.Inconclusives, state.ConsecutiveErrors, state.Last, state.LastFailure, state.Phase);
    }

    /// <summary>The metric being tallied.</summary>
    public AnalysisMetric Metric { get; } = metric;

    /// <summary>Measurements taken, errors included.</summary>
    public int Taken { get; private set; }

    /// <summary>Successful measurements.</summary>
    public int Successes { get; private set; }

    /// <summary>Failed measurements.</summary>
    public int Failures { get; private set; }

    /// <summary>Inconclusive measurements.</summary>
    public int Inconclusives { get; private set; }

    /// <summary>Errors in a row, up to the last measurement.</summary>
    public int ConsecutiveErrors { get; private set; }

    /// <summary>The last measurement; null before the first.</summary>
    public Measurement? Last { get; private set; }

    /// <summary>The last measurement that failed; what a failure's reason names.</summary>
    public Measurement? LastFailure { get; private set; }

    /// <summary>Running until the measurements decide.</summary>
    public AnalysisPhase Phase { get; private set; } = AnalysisPhase.Running;

    /// <summary>Counts a measurement and decides the metric's phase; measurements after a verdict change nothing.</summary>
    public void Add(Measurement measurement)
    {
        if (Phase != AnalysisPhase.Running)
        {
            return;
        }

        Taken++;
        Last = measurement;
        ConsecutiveErrors = measurement.Phase == AnalysisPhase.Error ? ConsecutiveErrors + 1 : 0;
        switch (measurement.Phase)
        {
            case AnalysisPhase.Successful:
                Successes++;
                break;
            case AnalysisPhase.Failed:
                Failures++;
                LastFailure = measurement;
                break;
            case AnalysisPhase.Inconclusive:
                Inconclusives++;
                break;
        }

        Phase = Decide();
    }

    /// <summary>The counts as they stand, to carry into a new generation of the run.</summary>
    public MetricTallyState Snapshot() => new(Taken, Successes, Failures, Inconclusives, ConsecutiveErrors, Last, LastFailure, Phase);

    /// <summary>Why the metric ended as it did, naming the measured value and the condition; null while running.</summary>
    public string? Explain() => Phase switch
    {
        AnalysisPhase.Failed when LastFailure is { } failed =>
            $"metric {Metric.Name} measured {MeasurementJudge.Format(failed.Value)}: {Condition()} {Failures} time{(Failures == 1 ? "" : "s")}, more than its failure_limit {Metric.FailureLimit}",
        AnalysisPhase.Inconclusive when ConsecutiveErrors > Metric.ConsecutiveErrorLimit =>
            $"metric {Metric.Name} could not be measured {ConsecutiveErrors} times in a row (consecutive_error_limit {Metric.ConsecutiveErrorLimit}): {Last?.Error}",
        AnalysisPhase.Inconclusive when Inconclusives > Metric.InconclusiveLimit =>
            $"metric {Metric.Name} measured {MeasurementJudge.Format(Last?.Value ?? [])}: neither {Conditions()} held {Inconclusives} time{(Inconclusives == 1 ? "" : "s")}, more than its inconclusive_limit {Metric.InconclusiveLimit}",
        AnalysisPhase.Inconclusive =>
            $"metric {Metric.Name} took {Taken} measurements and none succeeded",
        AnalysisPhase.Successful =>
            $"metric {Metric.Name} succeeded {Successes} of {Taken} times",
        _ => null,
    };

    private AnalysisPhase Decide()
    {
        if (Failures > Metric.FailureLimit)
        {
            return AnalysisPhase.Failed;
        }

        if (Inconclusives > Metric.InconclusiveLimit || ConsecutiveErrors > Metric.ConsecutiveErrorLimit)
        {
            return AnalysisPhase.Inconclusive;
        }

        if (Metric.Count is { } count && Taken >= count)
        {
            return Successes > 0 ? AnalysisPhase.Successful : AnalysisPhase.Inconclusive;
        }

        return AnalysisPhase.Running;
    }

    private string Condition() => Metric.FailureCondition is { } failure
        ? $"failure condition {failure} held"
        : $"success condition {Metric.SuccessCondition} did not hold";

    private string Conditions() => $"success condition {Metric.SuccessCondition} nor failure condition {Metric.FailureCondition}";
}

/// <summary>A <see cref="MetricTally"/>'s counts, small enough to carry from one generation of a run to the next.</summary>
/// <param name="Taken">Measurements taken.</param>
/// <param name="Successes">Successful ones.</param>
/// <param name="Failures">Failed ones.</param>
/// <param name="Inconclusives">Inconclusive ones.</param>
/// <param name="ConsecutiveErrors">Errors in a row up to the last.</param>
/// <param name="Last">The last measurement.</param>
/// <param name="LastFailure">The last failed measurement.</param>
/// <param name="Phase">The metric's phase.</param>
public sealed record MetricTallyState(int Taken, int Successes, int Failures, int Inconclusives, int ConsecutiveErrors, Measurement? Last, Measurement? LastFailure, AnalysisPhase Phase);
