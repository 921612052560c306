using DevStorage;
using Durable.Bench;

// Measures the durable engine against raw Azurite in one run. Usage:
//   dotnet run -c Release --project bench/Durable.Bench [-- --quick]
// --quick shrinks every workload (for a smoke run); the README's figures come from a full run.
var quick = args.Contains("--quick");
var chainLength = quick ? 50 : 200;
var fanOutWidth = quick ? 100 : 1000;
var eventCount = quick ? 100 : 1000;
var historyChain = quick ? 120 : 700;

Console.WriteLine("Starting an in-memory Azurite for this run...");
await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
using var steps = new StepDurationRecorder();
var scenarios = new Scenarios(azurite.ConnectionString, steps);

Console.WriteLine();
Console.WriteLine("## Baseline: raw Azurite, one operation at a time through the Azure SDK");
Console.WriteLine();
Console.WriteLine("| operation | ops/s | p50 ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|");
var baseline = await RawAzuriteBaseline.MeasureAsync(azurite.ConnectionString, quick ? 200 : 1000);
foreach (var op in baseline)
{
    Console.WriteLine($"| {op.Operation} | {op.OperationsPerSecond:F0} | {op.Latency.P50:F2} | {op.Latency.P99:F2} |");
}

var rawSingleOp = baseline[0].Latency.P50;

// Warm-up so JIT and connection set-up do not land in the first measured scenario.
await scenarios.ChainAsync(20);

var (chain, _) = await scenarios.ChainAsync(chainLength);
var fanOut = await scenarios.FanOutAsync(fanOutWidth);
var events = await scenarios.ExternalEventsAsync(eventCount);

Console.WriteLine();
Console.WriteLine("## Engine workloads");
Console.WriteLine();
Console.WriteLine("| workload | throughput | step p50 ms | step p99 ms | p50 / raw op p50 | storage tx per activity or event | note |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
foreach (var result in new[] { chain, fanOut, events })
{
    Console.WriteLine($"| {result.Name} | {result.Throughput:F0} {result.Unit}/s | {result.StepLatency.P50:F2} | {result.StepLatency.P99:F2} | {result.StepLatency.P50 / rawSingleOp:F1}x | {result.TransactionsPerUnit:F2} | {result.Note} |");
}

Console.WriteLine();
Console.WriteLine("Chain step latency is measured from one activity's start to the next one's start (commit, dispatch and run of a step).");
Console.WriteLine("Fan-out and event step latency is the engine's own time to run and commit one orchestration step.");

Console.WriteLine();
Console.WriteLine("## Per-step cost against history length (sequential chain; ~3 history events per step)");
Console.WriteLine();
Console.WriteLine("| cache | steps | history events before the step | step p50 ms | tx per step |");
Console.WriteLine("|---|---|---:|---:|---:|");
var ratios = new List<string>();
foreach (var cache in new[] { true, false })
{
    var (_, probe) = await scenarios.ChainAsync(historyChain, cache);
    var early = (First: 2, Last: 11);
    var late = (First: historyChain - 30, Last: historyChain - 1);
    var earlyLatency = Percentiles.Of(probe.Latencies(early.First, early.Last));
    var lateLatency = Percentiles.Of(probe.Latencies(late.First, late.Last));
    var label = cache ? "on (default)" : "off (full replay)";
    Console.WriteLine($"| {label} | {early.First}-{early.Last} | {HistoryAt(early.First)}-{HistoryAt(early.Last)} | {earlyLatency.P50:F2} | {probe.TransactionsPerStep(early.First, early.Last):F2} |");
    Console.WriteLine($"| {label} | {late.First}-{late.Last} | {HistoryAt(late.First)}-{HistoryAt(late.Last)} | {lateLatency.P50:F2} | {probe.TransactionsPerStep(late.First, late.Last):F2} |");
    ratios.Add($"cache {label}: step p50 at {HistoryAt(late.First)}+ events is {lateLatency.P50 / earlyLatency.P50:F2}x that at {HistoryAt(early.First)}-{HistoryAt(early.Last)}");
}

Console.WriteLine();
Console.WriteLine("## Targets");
Console.WriteLine();
Console.WriteLine($"- storage transactions per sequential activity: {chain.TransactionsPerUnit:F2} (target <= 4)");
Console.WriteLine($"- sequential step p50 / raw single-operation p50: {chain.StepLatency.P50 / rawSingleOp:F1}x (target <= 5x)");
foreach (var ratio in ratios)
{
    Console.WriteLine($"- {ratio} (target <= 1.5x with the cache on)");
}

// Events in history when step n starts: started + first schedule (3), then 3 per completed step.
static int HistoryAt(int step) => 3 + (3 * step);
