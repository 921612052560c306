using System.Diagnostics;

namespace Durable.Bench;

internal sealed record ScenarioResult(string Name, int Units, string Unit, double Seconds, Percentiles StepLatency, double TransactionsPerUnit, string? Note = null)
{
    public double Throughput => Units / Seconds;
}

/// <summary>The measured workloads. Each runs on a fresh task hub so their storage counts do not mix.</summary>
internal sealed class Scenarios(string connectionString, StepDurationRecorder steps)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>A sequential chain: each activity starts when the previous one's result is committed.</summary>
    public async Task<(ScenarioResult Result, StepProbe Probe)> ChainAsync(int length, bool cacheEnabled = true)
    {
        var probe = new StepProbe(length);
        await using var host = await BenchHost.StartAsync(connectionString, HubName("chain"), registry => registry
            .AddActivityFunc<int, int>("Step", (_, step) =>
            {
                probe.Record(step);
                return Task.FromResult(step);
            })
            .AddOrchestratorFunc<int, long>("Chain", async (context, count) =>
            {
                long sum = 0;
                for (var step = 0; step < count; step++)
                {
                    sum += await context.CallActivityAsync<int>("Step", step);
                }

                return sum;
            }), options => options.ExtendedSessionsEnabled = cacheEnabled);
        probe.Counter = host.Transactions;
        steps.Take();
        var before = host.Transactions.Total;
        var clock = Stopwatch.StartNew();
        await host.RunAsync("Chain", length, Timeout);
        var seconds = clock.Elapsed.TotalSeconds;
        var result = new ScenarioResult(
            $"sequential chain of {length}" + (cacheEnabled ? "" : " (cache off)"), length, "activities", seconds,
            Percentiles.Of(probe.Latencies(1, length - 1)), (host.Transactions.Total - before) / (double)length,
            $"engine step p50 {Percentiles.Of(steps.Take()).P50:F2} ms");
        return (result, probe);
    }

    /// <summary>Fan-out/fan-in: all activities scheduled in one step, results collected with Task.WhenAll.</summary>
    public async Task<ScenarioResult> FanOutAsync(int width)
    {
        await using var host = await BenchHost.StartAsync(connectionString, HubName("fanout"), registry => registry
            .AddActivityFunc<int, int>("Work", (_, n) => Task.FromResult(n))
            .AddOrchestratorFunc<int, long>("FanOut", async (context, count) =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>("Work", i)));
                return results.Sum(r => (long)r);
            }));
        steps.Take();
        var before = host.Transactions.Total;
        var clock = Stopwatch.StartNew();
        await host.RunAsync("FanOut", width, Timeout);
        var seconds = clock.Elapsed.TotalSeconds;
        await SettleAsync();
        var latencies = steps.Take();
        return new ScenarioResult($"fan-out/fan-in of {width}", width, "activities", seconds, Percentiles.Of(latencies),
            (host.Transactions.Total - before) / (double)width, $"{latencies.Count} orchestration steps");
    }

    /// <summary>External events raised by a client while the orchestration waits for each in turn.</summary>
    public async Task<ScenarioResult> ExternalEventsAsync(int count)
    {
        await using var host = await BenchHost.StartAsync(connectionString, HubName("events"), registry => registry
            .AddOrchestratorFunc<int, long>("Collect", async (context, expected) =>
            {
                long sum = 0;
                for (var i = 0; i < expected; i++)
                {
                    sum += await context.WaitForExternalEvent<int>("value");
                }

                return sum;
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Collect", count);
        using (var started = new CancellationTokenSource(Timeout))
        {
            await host.Client.WaitForInstanceStartAsync(id, cancellationToken: started.Token);
        }

        steps.Take();
        var before = host.Transactions.Total;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (value, token) => await host.Client.RaiseEventAsync(id, "value", value, token));
        var result = await host.WaitAsync(id, Timeout);
        var seconds = clock.Elapsed.TotalSeconds;
        await SettleAsync();
        var latencies = steps.Take();
        if (result.ReadOutputAs<long>() != (long)count * (count + 1) / 2)
        {
            throw new InvalidOperationException("Events were lost or applied twice.");
        }

        return new ScenarioResult($"{count} external events", count, "events", seconds, Percentiles.Of(latencies),
            (host.Transactions.Total - before) / (double)count, $"{latencies.Count} orchestration steps; includes the client's sends");
    }

    /// <summary>The last step records its duration just after its commit becomes visible to the client.</summary>
    private static Task SettleAsync() => Task.Delay(250);

    private static string HubName(string scenario) => $"bench{scenario}{Guid.NewGuid():N}"[..24];
}
