using Deployments.Bench;
using DevStorage;
using StubPlatform;

// Concurrent rollouts on the webhook driver against an in-process stub platform, on the Durable Task Framework's Azure
// Storage provider, read against raw Azurite in the same run; then the engine settings that matter, side by side.
//   dotnet run -c Release --project bench/Deployments.Bench [-- --quick] [--rollouts N] [--healthy-after-ms M]
//       [--analysis-rollouts N] [--burst N] [--idle-s S] [--waves-only | --settings-only]
var options = BenchOptions.Parse(args);

Console.WriteLine("Starting an in-memory Azurite and the stub platform for this run...");
await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
// The stub reads HealthyAfter on every probe, so the last wave can switch to delayed health.
var platformOptions = new StubPlatformOptions { HealthyAfter = TimeSpan.Zero };
await using var platform = new StubPlatformServer(platformOptions);
await platform.StartAsync();

var sequential = await RawAzuriteBaseline.MeasureAsync(azurite.ConnectionString, options.Quick ? 200 : 1000);
var parallel = await ParallelAzuriteBaseline.MeasureUpsertsAsync(azurite.ConnectionString, options.Quick ? 1000 : 5000, parallelism: 32);
Report.Baseline(sequential, parallel);

using var profile = new EngineProfile();
using var cpu = new CpuClock(azurite.ProcessId);
var shipped = EngineSettings.Shipped();
if (options.Waves)
{
    await using var hosts = await BenchHosts.StartAsync(azurite.ConnectionString, shipped, profile);
    var fleet = new Fleet(hosts, options);
    await fleet.CreateClusterAsync(platform);
    var wave = new RolloutWave(hosts, platform, profile, cpu);

    // Warm-up on a few apps of their own, so JIT, connection set-up and taking the partitions do not land in the first measured wave.
    var warmUp = await fleet.CreateAppsAsync("warm", 3);
    await wave.RunAsync("warm-up rolling", warmUp, Fleet.Rolling);
    await wave.RunAsync("warm-up canary", warmUp, Fleet.Canary("v2"));

    Console.WriteLine($"Creating {options.Rollouts} apps and running the waves on {shipped.Name} ({shipped.Describe()})...");
    var apps = await fleet.CreateAppsAsync("bench", options.Rollouts);
    var rolling = await RunAsync("rolling wave", Fleet.Rolling);
    var canary = await RunAsync("canary wave", Fleet.Canary("v2"));
    platformOptions.HealthyAfter = options.HealthyAfter;
    var delayed = await RunAsync($"canary wave, healthy after {options.HealthyAfter.TotalSeconds:0.#} s", Fleet.Canary("v3"));
    platformOptions.HealthyAfter = TimeSpan.Zero;
    fleet.RequireExactlyNewRevisionLive(platform, "bench", apps.Count, revision: 3);
    var analysis = await AnalysisScenario.RunAsync(hosts, fleet, wave, options.AnalysisRollouts);

    WaveResult[] waves = [rolling, canary, delayed];
    Report.Waves(options, shipped, waves);
    Report.Ratios(waves, sequential, parallel);
    foreach (var measured in waves)
    {
        Report.Profile(measured);
    }

    Report.Analysis(analysis);
    Report.Profile(analysis.Analysed);

    async Task<WaveResult> RunAsync(string name, Func<Deployments.Model.App, Deployments.Service.CreateDeploymentRequest> request)
    {
        var result = await wave.RunAsync(name, apps, request);
        Console.WriteLine($"  {name}: {result.Rollouts} rollouts done in {result.WallSeconds:F1} s");
        return result;
    }
}

if (options.Settings)
{
    Console.WriteLine();
    Console.WriteLine("Engine settings, one row at a time on a fresh Azurite and task hub:");
    var rows = new List<SettingsRow>();
    await SettingsComparison.WarmUpAsync(azurite.ConnectionString, platform, profile, cpu, options, SettingsComparison.Rows(shipped));
    foreach (var settings in SettingsComparison.Rows(shipped))
    {
        rows.Add(await SettingsComparison.RunAsync(platform, profile, options, settings, prefix: $"row{rows.Count}"));
    }

    Report.Settings(options, rows);
}

Report.Definitions(options, shipped);
