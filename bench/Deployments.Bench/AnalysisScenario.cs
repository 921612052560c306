using Deployments.Metrics;
using Deployments.Model;
using Deployments.Orchestrations;
using StubPlatform;

namespace Deployments.Bench;

/// <summary>
/// What automated canary analysis costs: the same canary wave on the same apps, once without and once with a step
/// gate that measures one web metric, run one after the other in the same run, so the difference is the analysis.
/// </summary>
internal static class AnalysisScenario
{
    public const string Template = "bench-error-rate";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public const int Count = 5;

    /// <summary>The metric the runs read from the scenario's <see cref="MetricEndpoint"/>.</summary>
    private const string MetricName = "error-rate";

    public static async Task<AnalysisResult> RunAsync(BenchHosts hosts, Fleet fleet, RolloutWave wave, int rollouts)
    {
        await using var metric = await MetricEndpoint.StartAsync();
        metric.Answer(MetricName, 0.01);
        await hosts.Analysis.CreateAsync(Template, null,
        [
            new AnalysisMetric("error-rate", new MetricProvider { Web = new WebMetric(metric.UrlOf(MetricName) + "?app={{app}}", JsonPath: "$.value", Timeout: TimeSpan.FromSeconds(2)) },
                Interval, Count, SuccessCondition: "result[0] < 0.05", FailureCondition: "result[0] >= 0.05"),
        ], [], CancellationToken.None);

        Console.WriteLine($"Analysis: {rollouts} apps, a canary wave without and then with a step analysis ({Count} measurements, {Interval.TotalSeconds:0} s apart)...");
        var apps = await fleet.CreateAppsAsync("analysis", rollouts);
        await wave.RunAsync("analysis apps' first rollout", apps, Fleet.Rolling);
        var baseline = await wave.RunAsync("canary wave, no analysis (baseline)", apps, Fleet.Canary("v2"));
        var readsBefore = metric.ReadsOf(MetricName);
        var analysed = await wave.RunAsync("canary wave, step analysis", apps, Fleet.AnalysedCanary("v3", Template));
        var measurements = analysed.Engine.ActivityDurations.TryGetValue(AnalysisActivities.Measure, out var runs) ? runs.Count : 0;
        if (measurements != rollouts * Count)
        {
            throw new InvalidOperationException($"The analysed wave took {measurements} measurements; {rollouts} runs of {Count} should take {rollouts * Count}.");
        }

        Console.WriteLine($"  analysis: baseline {baseline.WallSeconds:F1} s, analysed {analysed.WallSeconds:F1} s, {measurements} measurements");
        return new AnalysisResult(baseline, analysed, measurements, metric.ReadsOf(MetricName) - readsBefore);
    }
}

/// <summary>The two waves of <see cref="AnalysisScenario"/> and what the analysed one measured.</summary>
internal sealed record AnalysisResult(WaveResult Baseline, WaveResult Analysed, int Measurements, int Reads)
{
    public TransactionCount Extra => Analysed.Transactions - Baseline.Transactions;

    public double ExtraPerMeasurement => Extra.Total / (double)Measurements;

    /// <summary>Each analysed rollout runs one analysis.</summary>
    public double ExtraPerRun => Extra.Total / (double)Analysed.Rollouts;

    /// <summary>The time from an analysis's first measurement to its last: the wait it adds unless the rollout overlaps it.</summary>
    public static double MeasuringSeconds => (AnalysisScenario.Count - 1) * AnalysisScenario.Interval.TotalSeconds;
}
