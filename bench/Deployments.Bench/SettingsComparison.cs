using System.Diagnostics;
using DevStorage;
using StubPlatform;

namespace Deployments.Bench;

/// <summary>One row of the settings table: the same workload, on a fresh host and task hub with one set of engine settings.</summary>
internal sealed record SettingsRow(EngineSettings Settings, WaveResult Burst, WaveResult Lone, WaveResult OtherInstance, double IdleTransactionsPerMinute)
{
    /// <summary>How long a lone canary took beyond its own pause: the engine's latency over its ~20 steps and 2 timers.</summary>
    public double LoneOverheadSeconds => Lone.Duration.Mean / 1000 - SettingsComparison.LonePause.TotalSeconds;

    /// <summary>What starting on another instance after an idle spell added to the same canary started on the worker (p50 of those started, against the lone canaries' mean).</summary>
    public double OtherInstanceDelaySeconds => (OtherInstance.Duration.P50 - Lone.Duration.Mean) / 1000;
}

/// <summary>
/// The engine settings that matter, measured side by side in one run. Each row starts from Durable Functions' defaults
/// and changes one setting, then extended sessions and the short polling interval together, and last what host.json
/// ships (the same two with more concurrency). Per row, on a fresh Azurite and task hub:
/// a burst of canaries at once (throughput and storage cost), lone canaries with a pause one after another (latency of
/// a quiet system), an idle spell (what polling costs when nothing runs), then a few canaries started from another
/// instance (a start message from there does not wake the worker's polling, so it waits for the next poll of its control queue).
/// </summary>
internal static class SettingsComparison
{
    public static readonly TimeSpan LonePause = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<EngineSettings> Rows(EngineSettings shipped)
    {
        var defaults = EngineSettings.DurableFunctionsDefaults;
        return
        [
            defaults,
            defaults with { Name = "extended sessions on", ExtendedSessions = true },
            defaults with { Name = "maxQueuePollingInterval 2 s", MaxQueuePollingInterval = TimeSpan.FromSeconds(2) },
            defaults with { Name = "partitionCount 1", PartitionCount = 1 },
            defaults with { Name = "extended sessions on, maxQueuePollingInterval 2 s", ExtendedSessions = true, MaxQueuePollingInterval = TimeSpan.FromSeconds(2) },
            shipped,
        ];
    }

    /// <summary>
    /// A few canaries on each distinct configuration, unmeasured, before the first measured row, so that row does not
    /// pay alone for compiling the code paths the others find ready (replay without extended sessions, one partition).
    /// </summary>
    public static async Task WarmUpAsync(string connectionString, StubPlatformServer platform, EngineProfile profile, CpuClock cpu, BenchOptions options, IEnumerable<EngineSettings> rows)
    {
        foreach (var (settings, index) in rows.DistinctBy(r => (r.ExtendedSessions, r.PartitionCount)).Select((r, i) => (r, i)))
        {
            await using var hosts = await BenchHosts.StartAsync(connectionString, settings, profile);
            var (fleet, wave) = await PrepareAsync(hosts, platform, profile, cpu, options);
            // Without the waves before it, the process has run nothing yet: warm up as much as a row's burst.
            await wave.RunAsync("warm-up", await fleet.CreateAppsAsync($"warm{index}", options.Waves ? 4 : options.Burst), Fleet.Canary("v2"));
        }
    }

    /// <summary>
    /// Runs one row on an Azurite of its own: an in-memory Azurite slows as it fills, so rows sharing one would be
    /// read against a storage that got slower row by row.
    /// </summary>
    public static async Task<SettingsRow> RunAsync(StubPlatformServer platform, EngineProfile profile, BenchOptions options, EngineSettings settings, string prefix)
    {
        Console.WriteLine($"  {settings.Name}: {settings.Describe()}");
        var clock = Stopwatch.StartNew();
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
        using var cpu = new CpuClock(azurite.ProcessId);
        await using var hosts = await BenchHosts.StartAsync(azurite.ConnectionString, settings, profile);
        var (fleet, wave) = await PrepareAsync(hosts, platform, profile, cpu, options);
        var burstApps = await fleet.CreateAppsAsync(prefix + "-burst", options.Burst);
        var soloApps = await fleet.CreateAppsAsync(prefix + "-solo", options.LoneRollouts + options.OtherInstanceRollouts);

        var setUp = clock.Elapsed;
        var burst = await wave.RunAsync("burst", burstApps, Fleet.Canary("v2"));

        WaveResult? lone = null;
        foreach (var app in soloApps.Take(options.LoneRollouts))
        {
            var one = await wave.RunAsync("lone", [app], Fleet.Canary("v2", LonePause));
            lone = lone is null ? one : lone.Add(one);
        }

        var before = hosts.Transactions.Total;
        await Task.Delay(options.Idle);
        var idlePerMinute = (hosts.Transactions.Total - before) / options.Idle.TotalMinutes;

        // Several at once: each lands on the control queue its id hashes to, each queue at its own point of back-off.
        var other = await wave.RunAsync("other instance", [.. soloApps.Skip(options.LoneRollouts)], Fleet.Canary("v2", LonePause), fromOtherInstance: true);
        var row = new SettingsRow(settings, burst, lone!, other, idlePerMinute);
        Console.WriteLine($"    burst {burst.RolloutsPerMinute:F0} rollouts/min, p50 {burst.Duration.P50 / 1000:F2} s, CPU {burst.Cpu.Process * 1000 / burst.Rollouts:F0} + {burst.Cpu.Azurite * 1000 / burst.Rollouts:F0} ms/rollout; lone mean {lone!.Duration.Mean / 1000:F2} s; "
            + $"after idle from another instance p50 {other.Duration.P50 / 1000:F2} s; idle {idlePerMinute:F0} tx/min; set-up {setUp.TotalSeconds:F0} s, row {clock.Elapsed.TotalSeconds:F0} s");
        return row;
    }

    private static async Task<(Fleet Fleet, RolloutWave Wave)> PrepareAsync(BenchHosts hosts, StubPlatformServer platform, EngineProfile profile, CpuClock cpu, BenchOptions options)
    {
        var fleet = new Fleet(hosts, options);
        await fleet.CreateClusterAsync(platform);
        return (fleet, new RolloutWave(hosts, platform, profile, cpu));
    }
}
