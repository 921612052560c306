using Deployments.Model;
using Deployments.Service;
using StubPlatform;

namespace Deployments.Bench;

/// <summary>The benchmark's cluster, apps and deployment requests.</summary>
internal sealed class Fleet(BenchHosts hosts, BenchOptions options)
{
    private Cluster? cluster;

    /// <summary>Health probes answer healthy at once (min_healthy_time 0), so a rollout waits only on the platform's own delay.</summary>
    private static readonly DeploymentOptions Fast = new()
    {
        MaxInFlight = 3,
        MinHealthyTime = TimeSpan.Zero,
        HealthyDeadline = TimeSpan.FromMinutes(5),
        ProgressDeadline = TimeSpan.FromMinutes(10),
    };

    public async Task CreateClusterAsync(StubPlatformServer platform) =>
        cluster = await hosts.Clusters.CreateClusterAsync("stub", "local", ClusterKind.Shared, "webhook",
            new Dictionary<string, string> { ["endpoint"] = platform.BaseUrl, ["secret"] = platform.Secret }, CancellationToken.None);

    public async Task<IReadOnlyList<App>> CreateAppsAsync(string prefix, int count)
    {
        var clusterId = cluster?.Id ?? throw new InvalidOperationException("Create the cluster first.");
        var apps = new App[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
            apps[i] = await hosts.Apps.CreateAppAsync(new CreateAppRequest($"{prefix}-{i:D4}", clusterId,
                new Dictionary<string, int> { ["web"] = options.InstancesPerApp }, Revision: Revision("v1")), token));
        return apps;
    }

    public static CreateDeploymentRequest Rolling(App app) => new(app.Id, Strategy.Rolling, "bench", Options: Fast, Reason: "benchmark: first rollout");

    /// <summary>A canary of a new revision (<paramref name="version"/>) in two steps: 50%, a pause (none by default), then 100%.</summary>
    public static Func<App, CreateDeploymentRequest> Canary(string version, TimeSpan pause = default) => app => new(app.Id, Strategy.Canary, "bench", NewRevision: Revision(version),
        Reason: "benchmark: canary", Options: Fast with { Steps = [new CanaryStep(50, pause), new CanaryStep(100)] });

    /// <summary>The same canary, its 50% step gated by an analysis of <paramref name="template"/>: the analysis alone promotes it.</summary>
    public static Func<App, CreateDeploymentRequest> AnalysedCanary(string version, string template) => app => new(app.Id, Strategy.Canary, "bench", NewRevision: Revision(version),
        Reason: "benchmark: analysed canary", Options: Fast with { Steps = [new CanaryStep(50, Analysis: new AnalysisGate([template])), new CanaryStep(100)] });

    /// <summary>After the canary wave every app runs exactly its instances on the new revision: nothing leaked, nothing doubled.</summary>
    public void RequireExactlyNewRevisionLive(StubPlatformServer platform, string prefix, int apps, int revision)
    {
        var live = platform.Allocations.Where(a => a.AppName.StartsWith(prefix + "-", StringComparison.Ordinal)).ToList();
        var expected = apps * options.InstancesPerApp;
        if (live.Count != expected || live.Any(a => a.Revision != revision))
        {
            throw new InvalidOperationException($"The stub platform holds {live.Count} allocations of the benchmark's apps "
                + $"({live.Count(a => a.Revision != revision)} not on revision {revision}); expected exactly {expected} on revision {revision}.");
        }
    }

    private static RevisionSpec Revision(string version) => new(
        new Artifact("registry.example/bench-app:" + version, null, []),
        Environment: new Dictionary<string, EnvironmentValue> { ["VERSION"] = new(version, null) });
}
