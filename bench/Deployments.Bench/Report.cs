using System.Globalization;
using Deployments.Orchestrations;

namespace Deployments.Bench;

/// <summary>Prints the Markdown tables. Every figure that has a meaningful counterpart is also shown as a ratio of it.</summary>
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

    public static void Waves(BenchOptions options, EngineSettings settings, IReadOnlyList<WaveResult> waves)
    {
        Heading($"Rollouts: {options.Rollouts} at once on the webhook driver against the stub platform ({settings.Name})");
        Console.WriteLine("| wave | rollouts | wall s | rollouts/min | p50 s | p99 s | steps/rollout | storage tx/rollout | storage tx/step | storage tx/s | CPU ms/rollout: host + Azurite |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var wave in waves)
        {
            Console.WriteLine($"| {wave.Name} | {wave.Rollouts} | {wave.WallSeconds:F1} | {wave.RolloutsPerMinute:F0} | {wave.Duration.P50 / 1000:F2} | {wave.Duration.P99 / 1000:F2} "
                + $"| {wave.StepsPerRollout:F1} | {wave.TransactionsPerRollout:F0} | {wave.TransactionsPerStep:F2} | {wave.TransactionsPerSecond:F0} "
                + $"| {wave.Cpu.Process * 1000 / wave.Rollouts:F0} + {wave.Cpu.Azurite * 1000 / wave.Rollouts:F0} |");
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
        Heading($"Where the {wave.Name} spends its work");
        Console.WriteLine("| activity | executions | per rollout | p50 ms | p99 ms | max ms | busy s (sum) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, samples) in wave.Engine.ActivityDurations.OrderByDescending(a => a.Value.Sum()))
        {
            var latency = Percentiles.Of(samples);
            var marker = WaveResult.RolloutActivityNames.Contains(name) ? "" : " (not a rollout step)";
            Console.WriteLine($"| {name}{marker} | {samples.Count} | {PerRollout(samples.Count, wave)} | {latency.P50:F1} | {latency.P99:F1} | {samples.Max():F0} | {samples.Sum() / 1000:F1} |");
        }

        Console.WriteLine();
        Console.WriteLine("| storage requests sent from | tx | per rollout | per execution |");
        Console.WriteLine("|---|---:|---:|---:|");
        var measured = wave.Engine.StorageBySource.Where(s => s.Key != StorageScope.Observer).ToList();
        foreach (var (source, count) in measured.OrderByDescending(s => s.Value))
        {
            var executions = source.StartsWith("activity ", StringComparison.Ordinal) && wave.Engine.ActivityDurations.TryGetValue(source["activity ".Length..], out var runs) ? runs.Count : 0;
            Console.WriteLine($"| {source} | {count} | {PerRollout(count, wave)} | {(executions > 0 ? (count / (double)executions).ToString("F1", CultureInfo.InvariantCulture) : "")} |");
        }

        var attributed = measured.Sum(s => s.Value);
        Console.WriteLine($"| all (host counter: {wave.Transactions.Total}) | {attributed} | {PerRollout(attributed, wave)} | |");

        // The engine's share, split by the framework's own events: each message sent or deleted is one request, each
        // checkpoint at least one history batch, each history load the table requests it logged. The rest is receives
        // (empty polls included), instance-status updates and partition leases.
        var engine = wave.Engine.StorageBySource.GetValueOrDefault(EngineProfile.Engine);
        (string Part, long Requests)[] parts =
        [
            ("queue messages sent", wave.Engine.Event("SendingMessage")),
            ("queue messages deleted", wave.Engine.Event("DeletingMessage")),
            ("history appended (checkpoints)", wave.Engine.Event("AppendedInstanceHistory")),
            ("history read back (table requests)", wave.Engine.HistoryFetchRequests),
        ];
        foreach (var (part, requests) in parts)
        {
            Console.WriteLine($"| of the engine's: {part} | {requests} | {PerRollout(requests, wave)} | |");
        }

        var rest = engine - parts.Sum(p => p.Requests);
        Console.WriteLine($"| of the engine's: the rest (receives and empty polls, instance status, leases) | {rest} | {PerRollout(rest, wave)} | |");
        Console.WriteLine();
        Console.WriteLine($"- per rollout: {wave.CheckpointsPerRollout:F1} checkpoints, {wave.HistoryLoadsPerRollout:F1} history loads, "
            + $"{PerRollout(wave.Engine.Event("ReceivedMessage"), wave)} messages received; in all {wave.Abandoned} messages abandoned (retried later), {wave.Gone} gone before their delete (processed twice)");
        Console.WriteLine($"- storage transactions per rollout: tables {PerRollout(wave.Transactions.Tables, wave)}, queues {PerRollout(wave.Transactions.Queues, wave)}, "
            + $"blobs {PerRollout(wave.Transactions.Blobs, wave)}");
        Console.WriteLine($"- stub platform requests per rollout: {PerRollout(wave.PlatformRequests, wave)}; creating all {wave.Rollouts} deployments took {wave.CreateSeconds:F1} s");
    }

    public static void Analysis(AnalysisResult analysis)
    {
        var (baseline, analysed) = (analysis.Baseline, analysis.Analysed);
        Heading($"Canary analysis: {analysed.Rollouts} canaries, one web metric, {AnalysisScenario.Count} measurements {AnalysisScenario.Interval.TotalSeconds:0} s apart (ratios against the same wave without analysis)");
        Console.WriteLine("| wave | rollouts | wall s | p50 s | storage tx/rollout | tables | queues | blobs |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var wave in new[] { baseline, analysed })
        {
            Console.WriteLine($"| {wave.Name} | {wave.Rollouts} | {Versus(wave.WallSeconds, baseline.WallSeconds, "F1")} | {Versus(wave.Duration.P50 / 1000, baseline.Duration.P50 / 1000, "F2")} "
                + $"| {Versus(wave.TransactionsPerRollout, baseline.TransactionsPerRollout, "F0")} | {PerRollout(wave.Transactions.Tables, wave)} | {PerRollout(wave.Transactions.Queues, wave)} | {PerRollout(wave.Transactions.Blobs, wave)} |");
        }

        var extra = analysis.Extra;
        Console.WriteLine();
        Console.WriteLine($"- measurements: {analysis.Measurements} ({analysis.Reads} reads of the metric endpoint)");
        Console.WriteLine($"- storage tx the analysis added (analysed wave minus baseline): {extra.Total} = tables {extra.Tables} + queues {extra.Queues} + blobs {extra.Blobs}; "
            + $"{analysis.ExtraPerRun:F0} per run, {analysis.ExtraPerMeasurement:F1} per measurement "
            + $"(tables {extra.Tables / (double)analysis.Measurements:F1}, queues {extra.Queues / (double)analysis.Measurements:F1}, blobs {extra.Blobs / (double)analysis.Measurements:F1})");
        var measure = analysed.Engine.StorageBySource.GetValueOrDefault("activity " + AnalysisActivities.Measure);
        Console.WriteLine($"- of which the measure activity itself sent {measure} ({measure / (double)analysis.Measurements:F1} per measurement: the look-up for an already stored measurement and the write)");
        Console.WriteLine();
        Console.WriteLine("| what the analysis added (analysed wave minus baseline), sent from | tx | per run | per measurement |");
        Console.WriteLine("|---|---:|---:|---:|");
        var sources = analysed.Engine.StorageBySource.Keys.Union(baseline.Engine.StorageBySource.Keys).Where(s => s != StorageScope.Observer);
        foreach (var source in sources.OrderByDescending(s => Added(s)))
        {
            Row(source, Added(source));
        }

        // The engine's share split as in the profile: what is left is receives (empty polls included), instance status and leases.
        (string Part, long Requests)[] parts =
        [
            ("queue messages sent", analysed.Engine.Event("SendingMessage") - baseline.Engine.Event("SendingMessage")),
            ("queue messages deleted", analysed.Engine.Event("DeletingMessage") - baseline.Engine.Event("DeletingMessage")),
            ("history appended (checkpoints)", analysed.Engine.Event("AppendedInstanceHistory") - baseline.Engine.Event("AppendedInstanceHistory")),
            ("history read back (table requests)", analysed.Engine.HistoryFetchRequests - baseline.Engine.HistoryFetchRequests),
        ];
        foreach (var (part, requests) in parts)
        {
            Row("of the engine's: " + part, requests);
        }

        Row("of the engine's: the rest (receives and empty polls, instance status, leases)", Added(EngineProfile.Engine) - parts.Sum(p => p.Requests));
        Console.WriteLine();
        Console.WriteLine($"- wall time: {analysed.WallSeconds / baseline.WallSeconds:F2}x the baseline; +{analysed.WallSeconds - baseline.WallSeconds:F1} s, "
            + $"its {AnalysisScenario.Count} measurements alone span {AnalysisResult.MeasuringSeconds:F0} s");

        long Added(string source) => analysed.Engine.StorageBySource.GetValueOrDefault(source) - baseline.Engine.StorageBySource.GetValueOrDefault(source);

        void Row(string what, long added) => Console.WriteLine(
            $"| {what} | {added} | {added / (double)analysed.Rollouts:F1} | {added / (double)analysis.Measurements:F1} |");
    }

    public static void Settings(BenchOptions options, IReadOnlyList<SettingsRow> rows)
    {
        var reference = rows[0];
        Heading($"Engine settings side by side (ratios against \"{reference.Settings.Name}\")");
        Console.WriteLine($"| settings | burst of {options.Burst}: rollouts/min | burst p50 s | burst p99 s | burst CPU ms/rollout | storage tx/rollout | storage tx/step | history loads/rollout "
            + $"| lone canary s ({SettingsComparison.LonePause.TotalSeconds:0} s pause) | lone: beyond the pause s | started on another instance after {options.Idle.TotalSeconds:0} s idle: added s | idle storage tx/min |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Settings.Name} | {Versus(row.Burst.RolloutsPerMinute, reference.Burst.RolloutsPerMinute, "F0")} "
                + $"| {Versus(row.Burst.Duration.P50 / 1000, reference.Burst.Duration.P50 / 1000, "F2")} | {Versus(row.Burst.Duration.P99 / 1000, reference.Burst.Duration.P99 / 1000, "F2")} "
                + $"| {Versus(row.Burst.CpuMsPerRollout, reference.Burst.CpuMsPerRollout, "F0")} | {Versus(row.Burst.TransactionsPerRollout, reference.Burst.TransactionsPerRollout, "F0")} | {row.Burst.TransactionsPerStep:F2} | {row.Burst.HistoryLoadsPerRollout:F1} "
                + $"| {row.Lone.Duration.Mean / 1000:F2} | {Versus(row.LoneOverheadSeconds, reference.LoneOverheadSeconds, "F2")} "
                + $"| {Versus(row.OtherInstanceDelaySeconds, reference.OtherInstanceDelaySeconds, "F2")} | {Versus(row.IdleTransactionsPerMinute, reference.IdleTransactionsPerMinute, "F0")} |");
        }

        Console.WriteLine();
        foreach (var row in rows)
        {
            var abandoned = row.Burst.Abandoned + row.Lone.Abandoned + row.OtherInstance.Abandoned;
            var gone = row.Burst.Gone + row.Lone.Gone + row.OtherInstance.Gone;
            Console.WriteLine($"- {row.Settings.Name}: {row.Settings.Describe()}. Messages abandoned {abandoned}, processed twice {gone}.");
        }
    }

    public static void Definitions(BenchOptions options, EngineSettings waves)
    {
        Heading("Definitions");
        Console.WriteLine($"- Each app has one group of {options.InstancesPerApp} instances; the stub answers health at once, except in the last wave ({options.HealthyAfter.TotalMilliseconds:F0} ms after placement, "
            + "so the rollout polls health on its 1 s durable timer). One worker host (the control plane under test) and one observer host (no worker) per task hub.");
        Console.WriteLine($"- Waves run on {waves.Name}: {waves.Describe()}.");
        Console.WriteLine("- rolling wave: each app's first deployment (nothing running yet), max_in_flight 3, min_healthy_time 0.");
        Console.WriteLine("- canary waves and the settings table's burst: a new revision on every app at once, steps 50% (pause 0) then 100%, max_in_flight 3, min_healthy_time 0.");
        Console.WriteLine("- wall s: from the first create call to the last rollout's completion; rollouts/min = rollouts / wall.");
        Console.WriteLine("- rollout duration: from its create call to its orchestration's completion (the instance's last-updated time).");
        Console.WriteLine("- step: one execution of an activity called by a rollout orchestration (load plan, update, place, stop, check health, complete).");
        Console.WriteLine("- storage tx: every request the control-plane host sent to storage (engine and domain tables, queues, blobs) from the first create until the wave's "
            + "notification orchestrations finished; the observer that waits for completions counts separately and is not included.");
        Console.WriteLine("- CPU ms/rollout: CPU time of this process (control plane, observer, stub platform) and of Azurite over the wave, per rollout; "
            + "other load on the machine stretches it far less than it stretches wall time.");
        Console.WriteLine($"- canary analysis: {options.AnalysisRollouts} apps of their own; a canary wave as above (the baseline), then the same wave whose 50% step is gated by an analysis of one "
            + $"web metric read from a JSON endpoint in this process ({AnalysisScenario.Count} measurements, {AnalysisScenario.Interval.TotalSeconds:0} s apart, no initial delay). "
            + "The analysis's cost is the analysed wave's storage tx minus the baseline's; per measurement = that / measurements taken.");
        Console.WriteLine("- history loads: the framework read an orchestration's history back from the table (a new or evicted session); checkpoints: it appended history.");
        Console.WriteLine($"- settings table, per row on a fresh in-memory Azurite and task hub whose partitions the worker owns: the burst; {options.LoneRollouts} lone canaries one after another, each 50%, a "
            + $"{SettingsComparison.LonePause.TotalSeconds:0} s pause, then 100% (lone canary = their mean duration; \"beyond the pause\" = that minus the pause); {options.Idle.TotalSeconds:0} s with nothing "
            + $"running (idle storage tx/min over that spell); then {options.OtherInstanceRollouts} of the same canaries at once, created through the observer, so their start "
            + "messages reach the worker's control queues from another instance's client (\"added s\" = their p50 duration minus the lone canaries' mean).");
    }

    private static string PerRollout(long count, WaveResult wave) => (count / (double)wave.Rollouts).ToString("F1", CultureInfo.InvariantCulture);

    private static string Versus(double value, double reference, string format) =>
        $"{value.ToString(format, CultureInfo.InvariantCulture)} ({(reference == 0 ? "-" : (value / reference).ToString("F2", CultureInfo.InvariantCulture) + "x")})";

    private static void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine();
    }
}
