namespace Deployments.Bench;

/// <summary>Prints the Markdown tables. Every figure that has a meaningful raw-Azurite counterpart is also shown as a ratio of it.</summary>
internal static class Report
{
    public static void Baseline(IReadOnlyList<RawAzuriteBaseline.Result> sequential, ParallelAzuriteBaseline.Result parallel)
    {
        Heading("Baseline: raw Azurite through the Azure SDK, same process and Azurite as the rollouts");
        Console.WriteLine("| operation | ops/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var op in sequential)
        {
            Console.WriteLine($"| {op.Operation}, one at a time | {op.OperationsPerSecond:F0} | {op.Latency.P50:F2} | {op.Latency.P99:F2} |");
        }

        Console.WriteLine($"| {parallel.Operation}, {parallel.Parallelism} in flight | {parallel.OperationsPerSecond:F0} | | |");
    }

    public static void Waves(BenchOptions options, IReadOnlyList<WaveResult> waves)
    {
        Heading($"Rollouts: {options.Rollouts} at once on the webhook driver against the stub platform");
        Console.WriteLine("| wave | rollouts | wall s | rollouts/min | p50 s | p99 s | steps/rollout | storage tx/rollout | storage tx/step | storage tx/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var wave in waves)
        {
            Console.WriteLine($"| {wave.Name} | {wave.Rollouts} | {wave.WallSeconds:F1} | {wave.RolloutsPerMinute:F0} | {wave.Duration.P50 / 1000:F2} | {wave.Duration.P99 / 1000:F2} "
                + $"| {wave.StepsPerRollout:F1} | {wave.TransactionsPerRollout:F0} | {wave.TransactionsPerStep:F2} | {wave.TransactionsPerSecond:F0} |");
        }
    }

    public static void Ratios(IReadOnlyList<WaveResult> waves, IReadOnlyList<RawAzuriteBaseline.Result> sequential, ParallelAzuriteBaseline.Result parallel)
    {
        var upsert = sequential[0];
        Heading("Against the baseline (raw table upserts of this run)");
        Console.WriteLine("| wave | storage tx/s ÷ raw upserts/s one at a time | storage tx/s ÷ raw upserts/s 32 in flight | storage-bound ceiling, rollouts/min | rollout p50 ÷ its own storage at raw p50 | time per step ÷ raw upsert p50 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var wave in waves)
        {
            // If Azurite did nothing but this wave's requests at its raw parallel rate: the most rollouts a minute it could carry.
            var ceiling = parallel.OperationsPerSecond * 60 / wave.TransactionsPerRollout;
            // A rollout's own storage requests, issued one after another at unloaded latency, against how long it really took.
            var ownStorageMs = wave.TransactionsPerRollout * upsert.Latency.P50;
            // A rollout's p50 duration spread over its steps: the latency of one checkpointed step under this load.
            var stepMs = wave.Duration.P50 / wave.StepsPerRollout;
            Console.WriteLine($"| {wave.Name} | {wave.TransactionsPerSecond / upsert.OperationsPerSecond:F2}x | {wave.TransactionsPerSecond / parallel.OperationsPerSecond:F2}x "
                + $"| {ceiling:F0} (achieved {wave.RolloutsPerMinute / ceiling:P0}) | {wave.Duration.P50 / ownStorageMs:F0}x ({ownStorageMs:F0} ms) | {stepMs / upsert.Latency.P50:F0}x ({stepMs:F0} ms) |");
        }
    }

    public static void Profile(WaveResult wave)
    {
        Heading($"Where the {wave.Name} spends its work (engine metrics)");
        Console.WriteLine("| activity | executions | per rollout | p50 ms | p99 ms | max ms | busy s (sum) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, samples) in wave.Engine.ActivityDurations.OrderByDescending(a => a.Value.Sum()))
        {
            var latency = Percentiles.Of(samples);
            var marker = WaveResult.RolloutActivityNames.Contains(name) ? "" : " (not a rollout step)";
            Console.WriteLine($"| {name}{marker} | {samples.Count} | {samples.Count / (double)wave.Rollouts:F1} | {latency.P50:F1} | {latency.P99:F1} | {samples.Max():F0} | {samples.Sum() / 1000:F1} |");
        }

        Console.WriteLine();
        Console.WriteLine("| storage requests sent from | tx | per rollout | per execution |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (source, count) in wave.Engine.StorageBySource.Where(s => s.Key != StorageScope.Observer).OrderByDescending(s => s.Value))
        {
            var executions = source.StartsWith("activity ", StringComparison.Ordinal) && wave.Engine.ActivityDurations.TryGetValue(source["activity ".Length..], out var runs) ? runs.Count : 0;
            Console.WriteLine($"| {source} | {count} | {count / (double)wave.Rollouts:F1} | {(executions > 0 ? (count / (double)executions).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "")} |");
        }

        var attributed = wave.Engine.StorageBySource.Where(s => s.Key != StorageScope.Observer).Sum(s => s.Value);
        Console.WriteLine($"| all (host counter: {wave.Transactions.Total}) | {attributed} | {attributed / (double)wave.Rollouts:F1} | |");

        var steps = Percentiles.Of(wave.Engine.StepDurations);
        Console.WriteLine();
        Console.WriteLine($"- orchestration steps committed: {wave.Engine.Episodes} ({wave.Engine.Episodes / (double)wave.Rollouts:F1} per rollout), step p50 {steps.P50:F1} ms, p99 {steps.P99:F1} ms; "
            + $"full replays {wave.Engine.Replays}, cache hits {wave.Engine.CacheHits}, ETag conflicts {wave.Engine.Conflicts}, failures {wave.Engine.Failures}");
        Console.WriteLine($"- storage transactions per rollout: tables {wave.Transactions.Tables / (double)wave.Rollouts:F1}, queues {wave.Transactions.Queues / (double)wave.Rollouts:F1}, "
            + $"blobs {wave.Transactions.Blobs / (double)wave.Rollouts:F1}");
        Console.WriteLine($"- stub platform requests per rollout: {wave.PlatformRequests / (double)wave.Rollouts:F1}; creating all {wave.Rollouts} deployments took {wave.CreateSeconds:F1} s");
    }

    public static void Definitions(BenchOptions options, Durable.DurableTaskOptions engine)
    {
        Heading("Definitions");
        Console.WriteLine($"- Each app has one group of {options.InstancesPerApp} instances; the stub answers health at once, except in the last wave ({options.HealthyAfter.TotalMilliseconds:F0} ms after placement, "
            + "so the rollout polls health on its 1 s durable timer); "
            + $"engine defaults: {engine.MaxConcurrentOrchestratorFunctions} orchestrator and {engine.MaxConcurrentActivityFunctions} activity slots, {engine.StorageProvider.PartitionCount} control queues, one host.");
        Console.WriteLine("- rolling wave: each app's first deployment (nothing running yet), max_in_flight 3, min_healthy_time 0.");
        Console.WriteLine("- canary waves: a new revision on every app at once, steps 50% (pause 0) then 100%, max_in_flight 3, min_healthy_time 0.");
        Console.WriteLine("- wall s: from the first create call to the last rollout's completion; rollouts/min = rollouts / wall.");
        Console.WriteLine("- rollout duration: from its create call to its orchestration's completion.");
        Console.WriteLine("- step: one execution of an activity called by a rollout orchestration (load plan, update, place, stop, check health, complete).");
        Console.WriteLine("- storage tx: every request the control-plane host sent to storage (engine and domain tables, queues, blobs) from the first create until the wave's "
            + "notification orchestrations finished; the observer that waits for completions counts separately and is not included.");
    }

    private static void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine();
    }
}
