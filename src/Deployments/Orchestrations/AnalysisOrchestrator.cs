using Deployments.Model;
using Deployments.Rules;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations;

/// <summary>
/// One analysis run, as a sub-orchestration of the rollout: a durable timer until the next metric is due, one
/// activity per measurement, and a verdict as soon as the measurements add up to one. The rollout stops it early
/// (promotion, fail, cancel) with <see cref="AnalysisActivities.StopEvent"/>. Replaying its history re-reads every
/// measurement from the history, so a crash neither loses nor repeats one.
/// </summary>
public sealed class AnalysisOrchestrator : TaskOrchestrator<AnalysisRequest, AnalysisVerdict>
{
    /// <summary>Name the orchestration is registered and scheduled under.</summary>
    public const string Name = "DeploymentAnalysis";

    /// <summary>Runs the analysis to its verdict, or until stopped.</summary>
    public override async Task<AnalysisVerdict> RunAsync(TaskOrchestrationContext context, AnalysisRequest request)
    {
        var stop = context.WaitForExternalEvent<string>(AnalysisActivities.StopEvent);
        AnalysisRun run;
        Dictionary<string, DateTime> due;
        Dictionary<string, MetricTally> tallies;
        if (request.Progress is { } progress)
        {
            run = progress.Run;
            due = new(progress.NextDue, StringComparer.Ordinal);
            tallies = run.Metrics.ToDictionary(m => m.Name, m => new MetricTally(m, progress.Tallies[m.Name]), StringComparer.Ordinal);
        }
        else
        {
            run = await context.CallActivityAsync<AnalysisRun>(AnalysisActivities.Start, request);
            var started = context.CurrentUtcDateTime;
            due = run.Metrics.ToDictionary(m => m.Name, m => started + (m.InitialDelay ?? TimeSpan.Zero), StringComparer.Ordinal);
            tallies = run.Metrics.ToDictionary(m => m.Name, m => new MetricTally(m), StringComparer.Ordinal);
            if (run.Phase != AnalysisPhase.Running)
            {
                return await FinishAsync(context, request, run, new AnalysisVerdict(run.Phase, run.Message ?? "the analysis could not start"));
            }
        }

        for (var round = 0; ; round++)
        {
            if (AnalysisVerdicts.Decide(tallies.Values) is { } decided)
            {
                return await FinishAsync(context, request, run, new AnalysisVerdict(decided.Phase, decided.Message));
            }

            if (round == AnalysisActivities.RoundsPerGeneration)
            {
                // A background run measures until promotion, possibly for days: a new generation keeps its history short.
                context.ContinueAsNew(request with { Progress = new(run, tallies.ToDictionary(t => t.Key, t => t.Value.Snapshot(), StringComparer.Ordinal), due) },
                    preserveUnprocessedEvents: true);
                return new AnalysisVerdict(AnalysisPhase.Running, "continued as a new generation");
            }

            var running = tallies.Values.Where(t => t.Phase == AnalysisPhase.Running).ToList();
            var next = running.Min(t => due[t.Metric.Name]);
            var now = context.CurrentUtcDateTime;
            if (next > now)
            {
                using var cancelTimer = new CancellationTokenSource();
                var timer = context.CreateTimer(next, cancelTimer.Token);
                if (await Task.WhenAny(timer, stop) == stop)
                {
                    CancelTimer(cancelTimer);
                    return await FinishAsync(context, request, run, new AnalysisVerdict(AnalysisPhase.Stopped, await stop));
                }

                // A fired timer means its time has come, even when the episode's clock reads a little earlier (the
                // storage queues deliver a timer's message up to a second early); judged by the clock, the loop would
                // set timer after timer without measuring.
                now = next > context.CurrentUtcDateTime ? next : context.CurrentUtcDateTime;
            }

            var measured = await Task.WhenAll(running.Where(t => due[t.Metric.Name] <= now).Select(t =>
                context.CallActivityAsync<Measurement>(AnalysisActivities.Measure, new MeasureRequest(request.DeploymentId, run.Id, t.Metric, t.Taken + 1))));
            foreach (var measurement in measured)
            {
                var tally = tallies[measurement.Metric];
                tally.Add(measurement);
                due[measurement.Metric] = NextDue(due[measurement.Metric], tally.Metric.Interval, now);
            }
        }
    }

    /// <summary>The next measurement is an interval after the last one was due; a run that fell behind (a host was down) skips, never bursts.</summary>
    private static DateTime NextDue(DateTime previous, TimeSpan interval, DateTime now)
    {
        var next = previous + interval;
        return next > now ? next : now + interval;
    }

    private static async Task<AnalysisVerdict> FinishAsync(TaskOrchestrationContext context, AnalysisRequest request, AnalysisRun run, AnalysisVerdict verdict)
    {
        await context.CallActivityAsync(AnalysisActivities.Finish, new FinishAnalysisRequest(request.DeploymentId, run, verdict));
        return verdict;
    }

    private static void CancelTimer(CancellationTokenSource source)
    {
#pragma warning disable CA1849 // Synchronous on purpose: CancelAsync would complete the timer outside the replay scheduler.
        source.Cancel();
#pragma warning restore CA1849
    }
}
