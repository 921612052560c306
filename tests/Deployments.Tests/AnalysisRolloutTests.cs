using Deployments.Metrics;
using Deployments.Model;
using Deployments.Service;
using Deployments.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StubPlatform;
using TestSupport;

namespace Deployments.Tests;

/// <summary>Canaries judged by analysis end to end: the engine, Azurite, the sample's processes and a real HTTP metric endpoint.</summary>
public sealed class AnalysisRolloutTests(AzuriteFixture azurite)
{
    /// <summary>The metric the analysis reads from the test's <see cref="MetricEndpoint"/>.</summary>
    private const string MetricName = "error-rate";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Canary_WithAGoodMetric_IsPromotedByAnalysisAlone()
    {
        await using var metric = await MetricEndpoint.StartAsync();
        metric.Answer(MetricName, 0.01);
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("analysis-good"));
        var app = await PrepareAsync(host, metric, count: 3, failureLimit: 0);

        var canary = await StartCanaryAsync(host, app, autoRevert: false);
        var done = await host.WaitForEndAsync(canary.Id);

        Assert.Equal(DeploymentStatus.Successful, done.Status);
        var report = await host.Services.GetRequiredService<DeploymentAnalysis>().ReadAsync(canary.Id, CancellationToken.None);
        var run = Assert.Single(report.Runs);
        Assert.Equal((AnalysisPhase.Successful, "step-1"), (run.Run.Phase, run.Run.Id));
        Assert.Equal([1, 2, 3], run.Measurements.Select(m => m.Sequence));
        Assert.All(run.Measurements, m => Assert.Equal((0.01, 1, AnalysisPhase.Successful), (m.Value[0], m.Value.Count, m.Phase)));
        var timeline = await host.Deployments.EventsAsync(canary.Id, CancellationToken.None);
        Assert.Contains(timeline, e => e.Kind == "analysis-successful" && e.Actor == "analysis");
        Assert.DoesNotContain(timeline, e => e.Kind == "awaiting-promotion");
    }

    [Fact]
    public async Task Canary_WithABadMetric_FailsNamingTheMetricAndValue_AndIsReverted()
    {
        await using var metric = await MetricEndpoint.StartAsync();
        metric.Answer(MetricName, 0.5);
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("analysis-bad"));
        var app = await PrepareAsync(host, metric, count: 10, failureLimit: 1);

        var canary = await StartCanaryAsync(host, app, autoRevert: true);
        var failed = await host.WaitForEndAsync(canary.Id);

        Assert.Equal(DeploymentStatus.Failed, failed.Status);
        Assert.StartsWith(StatusDescriptions.FailedAnalysis, failed.StatusDescription, StringComparison.Ordinal);
        var reason = (await host.Deployments.EventsAsync(canary.Id, CancellationToken.None)).Single(e => e.Kind == "failed").Message;
        Assert.Contains("metric error-rate measured 0.5", reason, StringComparison.Ordinal);
        Assert.Contains("result[0] >= 0.05", reason, StringComparison.Ordinal);
        var report = await host.Services.GetRequiredService<DeploymentAnalysis>().ReadAsync(canary.Id, CancellationToken.None);
        Assert.Equal(2, Assert.Single(report.Runs).Measurements.Count);
        var rollback = await host.WaitForRollbackAsync(app.Id);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(rollback.Id)).Status);
        Assert.All(await host.RunningAsync(app.Id), a => Assert.Equal(1, a.Revision));
    }

    [Fact]
    public async Task Canary_WhenItsMetricCannotBeRead_HoldsInconclusiveUntilAPersonPromotes()
    {
        await using var metric = await MetricEndpoint.StartAsync();
        metric.Answer(MetricName, 0.01);
        metric.Fail(MetricName);
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("analysis-down"));
        var app = await PrepareAsync(host, metric, count: 10, failureLimit: 0, consecutiveErrorLimit: 2);

        var canary = await StartCanaryAsync(host, app, autoRevert: true);
        var holding = await host.WaitForAsync(canary.Id, d => d.StatusDescription.StartsWith(StatusDescriptions.AnalysisInconclusive, StringComparison.Ordinal));

        Assert.Equal(DeploymentStatus.Running, holding.Status);
        var report = await host.Services.GetRequiredService<DeploymentAnalysis>().ReadAsync(canary.Id, CancellationToken.None);
        var run = Assert.Single(report.Runs);
        Assert.Equal(AnalysisPhase.Inconclusive, run.Run.Phase);
        Assert.Equal(3, run.Measurements.Count);
        Assert.All(run.Measurements, m => Assert.Equal(AnalysisPhase.Error, m.Phase));
        Assert.False((await host.Deployments.GetRequiredAsync(canary.Id, CancellationToken.None)).Groups["web"].Promoted, "an inconclusive analysis never promotes");

        await host.Deployments.PromoteAsync(canary.Id, null, "alice", CancellationToken.None);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(canary.Id)).Status);
    }

    [Fact]
    public async Task Canary_FailedByAPersonWhileItsAnalysisMeasures_StopsTheRun()
    {
        await using var metric = await MetricEndpoint.StartAsync();
        metric.Answer(MetricName, 0.01);
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("analysis-fail"));
        var app = await PrepareAsync(host, metric, count: 1000, failureLimit: 0);
        var canary = await StartCanaryAsync(host, app, autoRevert: false);
        var analysis = host.Services.GetRequiredService<DeploymentAnalysis>();
        await Polling.UntilAsync("the step's analysis to measure", async token => await analysis.ReadAsync(canary.Id, token),
            report => report.Runs.Count == 1 && report.Runs[0].Measurements.Count >= 2, TimeSpan.FromMinutes(2));

        await host.Deployments.FailAsync(canary.Id, "alice", "looks wrong", CancellationToken.None);

        Assert.Equal(DeploymentStatus.Failed, (await host.WaitForEndAsync(canary.Id)).Status);
        var stopped = await Polling.UntilAsync("the run to record that it stopped", async token => await analysis.ReadAsync(canary.Id, token),
            report => report.Runs[0].Run.Phase == AnalysisPhase.Stopped, TimeSpan.FromMinutes(1));
        var measured = stopped.Runs[0].Measurements.Count;
        var reads = metric.ReadsOf(MetricName);
        Assert.Equal(measured, reads);
    }

    private static async Task<App> PrepareAsync(DeploymentsTestHost host, MetricEndpoint metric, int count, int failureLimit, int consecutiveErrorLimit = 4)
    {
        var catalog = host.Services.GetRequiredService<AnalysisCatalog>();
        await catalog.CreateAsync("error-rate", null,
        [
            new AnalysisMetric("error-rate", new MetricProvider { Web = new WebMetric(metric.UrlOf(MetricName) + "?app={{app}}", JsonPath: "$.value", Timeout: TimeSpan.FromSeconds(2)) },
                Interval, count, SuccessCondition: "result[0] < 0.05", FailureCondition: "result[0] >= 0.05",
                FailureLimit: failureLimit, ConsecutiveErrorLimit: consecutiveErrorLimit),
        ], [], CancellationToken.None);
        var cluster = await host.CreateLocalClusterAsync();
        var app = await host.CreateSampleAppAsync(cluster, instances: 2);
        var first = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice", Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(first.Id)).Status);
        return app;
    }

    private static Task<Deployment> StartCanaryAsync(DeploymentsTestHost host, App app, bool autoRevert) =>
        host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"),
            Options: DeploymentsTestHost.FastOptions(new CanaryStep(50, Analysis: new AnalysisGate(["error-rate"])), new CanaryStep(100)) with { AutoRevert = autoRevert }),
            CancellationToken.None);
}
