using System.Globalization;
using Deployments.Metrics;
using Deployments.Model;

namespace Deployments.Rules;

/// <summary>
/// Judges one reading by its metric's conditions, as Argo Rollouts does: a failure condition that holds fails it;
/// a success condition decides otherwise; with both given and neither holding, the reading is inconclusive.
/// </summary>
public static class MeasurementJudge
{
    /// <summary>The phase of a reading, and why it could not be judged (a condition failed to evaluate) when that is the case.</summary>
    public static (AnalysisPhase Phase, string? Error) Judge(AnalysisMetric metric, IReadOnlyList<double> result)
    {
        try
        {
            if (metric.FailureCondition is { } failure && MetricCondition.Evaluate(failure, result))
            {
                return (AnalysisPhase.Failed, null);
            }

            if (metric.SuccessCondition is { } success)
            {
                return MetricCondition.Evaluate(success, result)
                    ? (AnalysisPhase.Successful, null)
                    : (metric.FailureCondition is null ? AnalysisPhase.Failed : AnalysisPhase.Inconclusive, null);
            }

            return (AnalysisPhase.Successful, null);
        }
        catch (MetricConditionException problem)
        {
            return (AnalysisPhase.Error, problem.Message);
        }
    }

    /// <summary>A reading as people read it: one value bare, several in brackets.</summary>
    public static string Format(IReadOnlyList<double> result) => result.Count == 1
        ? Number(result[0])
        : $"[{string.Join(", ", result.Select(Number))}]";

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
