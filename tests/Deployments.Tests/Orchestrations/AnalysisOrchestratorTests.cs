using Deployments.Metrics;
using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Rules;

namespace Deployments.Tests.Orchestrations;

/// <summary>The analysis run's verdicts and limits, with every activity scripted: no engine, no provider, no clock.</summary>
public sealed class AnalysisOrchestratorTests
{
    private static readonly Guid DeploymentId = Guid.Parse("d0000000-0000-0000-0000-0000000000a1");
    private static readonly DateTime Start = ScriptedOrchestrationContext.Start;

    [Fact]
    public async Task Analysis_WhenEveryMeasurementSucceeds_SucceedsOnceItsCountIsReached()
    {
        var metric = Metric("error-rate", count: 3) with { InitialDelay = TimeSpan.FromSeconds(10) };
        var context = Script([metric], Always(AnalysisPhase.Successful));

        var verdict = await Run(context);

        Assert.Equal(AnalysisPhase.Successful, verdict.Phase);
        Assert.Equal([1, 2, 3], Measured(context).Select(m => m.Sequence));
        // One timer per measurement: after the initial delay, then one interval apart.
        Assert.Equal([Start.AddSeconds(10), Start.AddSeconds(15), Start.AddSeconds(20)], context.Timers);
        Assert.Equal(AnalysisPhase.Successful, Assert.Single(context.InputsOf<FinishAnalysisRequest>(AnalysisActivities.Finish)).Verdict.Phase);
    }

    [Fact]
    public async Task Analysis_WhenTimersFireALittleEarly_MeasuresOncePerTimer()
    {
        var context = Script([Metric("error-rate", count: 3) with { InitialDelay = TimeSpan.FromSeconds(10) }], Always(AnalysisPhase.Successful));
        context.TimersFireEarlyBy = TimeSpan.FromMilliseconds(700);

        var verdict = await Run(context);

        Assert.Equal(AnalysisPhase.Successful, verdict.Phase);
        Assert.Equal([Start.AddSeconds(10), Start.AddSeconds(15), Start.AddSeconds(20)], context.Timers);
        Assert.Equal([1, 2, 3], Measured(context).Select(m => m.Sequence));
    }

    [Fact]
    public async Task Analysis_WhenFailuresExceedTheFailureLimit_FailsNamingTheMetricItsValueAndCondition()
    {
        var metric = Metric("error-rate", count: 10) with { FailureLimit = 1 };
        var context = Script([metric], Always(AnalysisPhase.Failed));

        var verdict = await Run(context);

        Assert.Equal(AnalysisPhase.Failed, verdict.Phase);
        Assert.Equal(2, Measured(context).Count);
        Assert.Contains("error-rate", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("0.5", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("result[0] >= 0.05", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysis_WhenTheProviderKeepsFailing_IsInconclusiveAfterTheConsecutiveErrorLimit()
    {
        var metric = Metric("error-rate", count: 10) with { ConsecutiveErrorLimit = 2 };
        var context = Script([metric], Always(AnalysisPhase.Error));

        var verdict = await Run(context);

        Assert.Equal(AnalysisPhase.Inconclusive, verdict.Phase);
        Assert.Equal(3, Measured(context).Count);
        Assert.Contains("could not be measured 3 times in a row", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysis_ErrorsBrokenBySuccesses_NeverReachTheConsecutiveErrorLimit()
    {
        var metric = Metric("error-rate", count: 6) with { ConsecutiveErrorLimit = 1 };
        var phases = new[] { AnalysisPhase.Error, AnalysisPhase.Successful, AnalysisPhase.Error, AnalysisPhase.Successful, AnalysisPhase.Error, AnalysisPhase.Successful };
        var context = Script([metric], request => phases[request.Sequence - 1]);

        var verdict = await Run(context);

        Assert.Equal(AnalysisPhase.Successful, verdict.Phase);
        Assert.Equal(6, Measured(context).Count);
    }

    [Fact]
    public async Task Analysis_WhenEveryMeasurementErred_IsNeverASuccess()
    {
        var metric = Metric("error-rate", count: 2) with { ConsecutiveErrorLimit = 5 };
        var context = Script([metric], Always(AnalysisPhase.Error));

        var verdict = await Run(context);

        Assert.Equal(AnalysisPhase.Inconclusive, verdict.Phase);
    }

    [Fact]
    public async Task Analysis_WhenInconclusiveMeasurementsExceedTheirLimit_IsInconclusive()
    {
        var metric = Metric("latency", count: 5) with { InconclusiveLimit = 1 };
        var context = Script([metric], Always(AnalysisPhase.Inconclusive));

        var verdict = await Run(context);

        Assert.Equal(AnalysisPhase.Inconclusive, verdict.Phase);
        Assert.Equal(2, Measured(context).Count);
    }

    [Fact]
    public async Task Analysis_InBackground_FailsTheMomentOneMetricFails()
    {
        var errors = Metric("error-rate", count: null);
        var latency = Metric("latency", count: null) with { Interval = TimeSpan.FromSeconds(2) };
        var context = Script([errors, latency], request => request.Metric.Name == "latency" && request.Sequence == 4 ? AnalysisPhase.Failed : AnalysisPhase.Successful);

        var verdict = await Run(context, AnalysisKind.Background);

        Assert.Equal(AnalysisPhase.Failed, verdict.Phase);
        Assert.Contains("latency", verdict.Message, StringComparison.Ordinal);
        // Each metric kept its own schedule: latency every 2 s, error rate every 5 s.
        Assert.Equal(4, Measured(context).Count(m => m.Metric.Name == "latency"));
        Assert.Equal(2, Measured(context).Count(m => m.Metric.Name == "error-rate"));
    }

    [Fact]
    public async Task Analysis_WhenStoppedWhileWaiting_EndsStoppedAndMeasuresNoMore()
    {
        var context = Script([Metric("error-rate", count: 10) with { InitialDelay = TimeSpan.FromSeconds(30) }], Always(AnalysisPhase.Successful));
        context.TimersFire = false;

        var run = Run(context);
        Assert.False(run.IsCompleted, "the run should wait for its first measurement");
        context.Raise(AnalysisActivities.StopEvent, "the canary was promoted");
        var verdict = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new AnalysisVerdict(AnalysisPhase.Stopped, "the canary was promoted"), verdict);
        Assert.Empty(Measured(context));
        Assert.Equal(AnalysisPhase.Stopped, Assert.Single(context.InputsOf<FinishAnalysisRequest>(AnalysisActivities.Finish)).Verdict.Phase);
    }

    [Fact]
    public async Task Analysis_WhenItCouldNotStart_IsInconclusiveWithoutMeasuring()
    {
        var context = new ScriptedOrchestrationContext().OnActivity<AnalysisRequest>(AnalysisActivities.Start, request =>
            Run(request, []) with { Phase = AnalysisPhase.Inconclusive, Message = "analysis template 'gone' does not exist in namespace 'default'" });

        var verdict = await Run(context);

        Assert.Equal(AnalysisPhase.Inconclusive, verdict.Phase);
        Assert.Contains("'gone'", verdict.Message, StringComparison.Ordinal);
        Assert.Empty(Measured(context));
    }

    [Fact]
    public async Task Analysis_AfterItsRoundsPerGeneration_StartsOverCarryingItsTallies()
    {
        var context = Script([Metric("error-rate", count: null) with { FailureLimit = 1000 }], request => request.Sequence == 1 ? AnalysisPhase.Failed : AnalysisPhase.Successful);

        var verdict = await Run(context, AnalysisKind.Background);

        Assert.Equal(AnalysisPhase.Running, verdict.Phase);
        var (input, preserve) = context.ContinuedAsNew!.Value;
        Assert.True(preserve, "a stop sent meanwhile must reach the next generation");
        var progress = ((AnalysisRequest)input).Progress!;
        var tally = progress.Tallies["error-rate"];
        Assert.Equal((AnalysisActivities.RoundsPerGeneration, 1), (tally.Taken, tally.Failures));
        Assert.Equal(AnalysisActivities.RoundsPerGeneration, Measured(context).Count);
    }

    [Fact]
    public async Task Analysis_ANewGeneration_GoesOnFromTheCarriedTallies()
    {
        var metric = Metric("error-rate", count: 3) with { FailureLimit = 1 };
        var run = Run(Request(AnalysisKind.Step), [metric]);
        var carried = new MetricTallyState(2, 1, 1, 0, 0, null, null, AnalysisPhase.Running);
        var context = Script([metric], Always(AnalysisPhase.Failed));
        var request = Request(AnalysisKind.Step) with
        {
            Progress = new AnalysisProgress(run, new Dictionary<string, MetricTallyState> { ["error-rate"] = carried }, new Dictionary<string, DateTime> { ["error-rate"] = Start.AddSeconds(30) }),
        };

        var verdict = await new AnalysisOrchestrator().RunAsync(context.Object, request);

        Assert.Equal(AnalysisPhase.Failed, verdict.Phase);
        Assert.Equal(3, Assert.Single(Measured(context)).Sequence);
        Assert.Empty(context.CallsOf(AnalysisActivities.Start));
    }

    private static AnalysisMetric Metric(string name, int? count) => new(
        name,
        new MetricProvider { Prometheus = new PrometheusMetric("http://127.0.0.1:9090", "up") },
        TimeSpan.FromSeconds(5),
        count,
        SuccessCondition: "result[0] < 0.05",
        FailureCondition: "result[0] >= 0.05");

    private static Func<MeasureRequest, AnalysisPhase> Always(AnalysisPhase phase) => _ => phase;

    private static ScriptedOrchestrationContext Script(IReadOnlyList<AnalysisMetric> metrics, Func<MeasureRequest, AnalysisPhase> phaseOf) => new ScriptedOrchestrationContext()
        .OnActivity<AnalysisRequest>(AnalysisActivities.Start, request => Run(request, metrics))
        .OnActivity<MeasureRequest>(AnalysisActivities.Measure, request =>
        {
            var phase = phaseOf(request);
            return new Measurement(request.RunId, request.Metric.Name, request.Sequence, DateTimeOffset.UnixEpoch, phase == AnalysisPhase.Error ? [] : [0.5], phase,
                phase == AnalysisPhase.Error ? "connection refused" : null);
        });

    private static AnalysisRun Run(AnalysisRequest request, IReadOnlyList<AnalysisMetric> metrics) =>
        new(request.RunId, request.DeploymentId, request.Kind, request.Step, request.Gate.Templates, metrics, AnalysisPhase.Running, null, DateTimeOffset.UnixEpoch);

    private static AnalysisRequest Request(AnalysisKind kind) =>
        new(DeploymentId, kind == AnalysisKind.Step ? "step-1" : "background", kind, kind == AnalysisKind.Step ? 1 : null, new AnalysisGate(["error-rate"]), 1);

    private static Task<AnalysisVerdict> Run(ScriptedOrchestrationContext context, AnalysisKind kind = AnalysisKind.Step) =>
        new AnalysisOrchestrator().RunAsync(context.Object, Request(kind));

    private static List<MeasureRequest> Measured(ScriptedOrchestrationContext context) => [.. context.InputsOf<MeasureRequest>(AnalysisActivities.Measure)];
}
