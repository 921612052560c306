using Deployments.Metrics;
using Deployments.Model;
using Deployments.Rules;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>
/// One measurement: read the provider, judge the reading by the metric's conditions, store it. A run of this activity
/// that finds its measurement already stored (its first run died before the orchestration heard back) returns that
/// one, so a crash never takes a measurement twice.
/// </summary>
public sealed class MeasureMetricActivity(IMetricReader reader, AnalysisRunStore runs, TimeProvider time) : TaskActivity<MeasureRequest, Measurement>
{
    /// <summary>Takes (or finds) the measurement.</summary>
    public override async Task<Measurement> RunAsync(TaskActivityContext context, MeasureRequest request)
    {
        if (await runs.GetMeasurementAsync(request.DeploymentId, request.RunId, request.Metric.Name, request.Sequence, CancellationToken.None) is { } taken)
        {
            return taken;
        }

        var at = time.GetUtcNow();
        Measurement measurement;
        try
        {
            var reading = await reader.ReadAsync(request.Metric.Provider, new Dictionary<string, string>(), CancellationToken.None);
            var (phase, error) = MeasurementJudge.Judge(request.Metric, reading.Values);
            measurement = new Measurement(request.RunId, request.Metric.Name, request.Sequence, at, reading.Values, phase, error);
        }
        catch (MetricProviderException unreachable)
        {
            // Never a success: an error counts towards consecutive_error_limit, after which the run is inconclusive.
            measurement = new Measurement(request.RunId, request.Metric.Name, request.Sequence, at, [], AnalysisPhase.Error, unreachable.Message);
        }

        await runs.SaveMeasurementAsync(request.DeploymentId, measurement, CancellationToken.None);
        return measurement;
    }
}
