using TestSupport;

namespace Deployments.Server.Tests;

/// <summary>
/// Canary analysis against a real Prometheus (Debian's): it discovers the sample's allocations through the control
/// plane's service discovery, scrapes them every second, and the analysis queries it. The sample loads itself
/// (LOAD_RPS) and a bad revision answers 500s (ERROR_RATE), so the numbers are real.
/// </summary>
public sealed class AnalysisPrometheusTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(4);
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task GoodCanary_IsPromotedByAnalysisAlone()
    {
        await using var setup = await StartAsync("good", count: 3, failureLimit: 0);

        var canary = await DeployCanaryAsync(setup, errorRate: "0");
        var done = await server.WaitForStatusAsync(canary, "successful", "failed");

        Assert.Equal("successful", done.GetProperty("status").GetString());
        var run = (await AnalysisAsync(canary)).GetProperty("runs")[0];
        Assert.Equal("successful", run.GetProperty("phase").GetString());
        var measurements = run.GetProperty("metrics")[0].GetProperty("measurements");
        Assert.Equal(3, measurements.GetArrayLength());
        Assert.All(measurements.EnumerateArray(), m => Assert.Equal(0.0, m.GetProperty("value")[0].GetDouble(), 3));
        var events = (await server.Api.GetAsync($"/api/deployments/{canary}/events")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(events.EnumerateArray(), e => e.GetProperty("kind").GetString() is "awaiting-promotion" or "promote");
    }

    [Fact]
    public async Task BadCanary_FailsWithinItsFailureLimitNamingTheMetricAndValue_AndIsReverted()
    {
        const int failureLimit = 1;
        await using var setup = await StartAsync("bad", count: 20, failureLimit: failureLimit);

        var canary = await DeployCanaryAsync(setup, errorRate: "0.5");
        var failed = await server.WaitForStatusAsync(canary, "failed", "successful");

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.StartsWith("Failed due to analysis", failed.GetProperty("status_description").GetString(), StringComparison.Ordinal);
        var run = (await AnalysisAsync(canary)).GetProperty("runs")[0];
        var took = run.GetProperty("ended_at").GetDateTimeOffset() - run.GetProperty("started_at").GetDateTimeOffset();
        // The failing measurement is failure_limit + 1: after the initial delay and failure_limit intervals. The margin
        // covers the activities, the scrape interval and a loaded machine; the first readings may be partial while
        // Prometheus discovers the new allocations, which the failure limit is for.
        Assert.True(took <= InitialDelay + (failureLimit * Interval) + TimeSpan.FromSeconds(20), $"the analysis took {took} to fail");
        var reason = (await server.Api.GetAsync($"/api/deployments/{canary}/events")).Expect(HttpStatusCode.OK).EnumerateArray()
            .Single(e => e.GetProperty("kind").GetString() == "failed").GetProperty("message").GetString();
        Assert.Contains("metric error-rate measured 0.", reason, StringComparison.Ordinal);
        Assert.Contains("result[0] >= 0.05", reason, StringComparison.Ordinal);

        var rollback = await Polling.UntilAsync("the automatic rollback to start", async _ =>
            (await server.Api.GetAsync($"/api/deployments?app_id={setup.App}&namespace={setup.Namespace}")).Expect(HttpStatusCode.OK).GetProperty("deployments").EnumerateArray()
                .FirstOrDefault(d => d.GetProperty("kind").GetString() == "rollback"),
            d => d.ValueKind == JsonValueKind.Object, Scenario.DefaultTimeout);
        Assert.Equal("successful", (await server.WaitForStatusAsync(rollback.GetProperty("id").GetGuid(), "successful", "failed")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Canary_WhenPrometheusStopsMidRun_EndsInconclusiveAndPaused_NeverPromoted()
    {
        var setup = await StartAsync("stopped", count: 100, failureLimit: 0, consecutiveErrorLimit: 2);
        try
        {
            var canary = await DeployCanaryAsync(setup, errorRate: "0");
            await Polling.UntilAsync("the analysis to measure twice", async _ => await AnalysisAsync(canary),
                a => a.GetProperty("runs").GetArrayLength() == 1 && a.GetProperty("runs")[0].GetProperty("metrics")[0].GetProperty("measurements").GetArrayLength() >= 2,
                Scenario.DefaultTimeout);

            await setup.Prometheus.DisposeAsync();
            var holding = await server.WaitForAsync(canary, d => d.GetProperty("status_description").GetString()!.StartsWith("Deployment is paused: analysis inconclusive", StringComparison.Ordinal),
                "the inconclusive hold");

            Assert.Equal("running", holding.GetProperty("status").GetString());
            Assert.False(holding.GetProperty("groups").GetProperty("web").GetProperty("promoted").GetBoolean(), "an inconclusive analysis never promotes");
            var run = (await AnalysisAsync(canary)).GetProperty("runs")[0];
            Assert.Equal("inconclusive", run.GetProperty("phase").GetString());
            var last = run.GetProperty("metrics")[0].GetProperty("measurements").EnumerateArray().TakeLast(3).ToList();
            Assert.All(last, m => Assert.Equal("error", m.GetProperty("phase").GetString()));
            Assert.Contains("consecutive_error_limit 2", run.GetProperty("message").GetString(), StringComparison.Ordinal);

            (await server.Api.PostAsync($"/api/deployments/{canary}/fail", new { reason = "no metrics to judge it by" })).Expect(HttpStatusCode.OK);
            Assert.Equal("failed", (await server.WaitForStatusAsync(canary, "failed")).GetProperty("status").GetString());
        }
        finally
        {
            await setup.Prometheus.DisposeAsync();
        }
    }

    private async Task<JsonElement> AnalysisAsync(Guid deployment) => (await server.Api.GetAsync($"/api/deployments/{deployment}/analysis")).Expect(HttpStatusCode.OK);

    /// <summary>A namespace of its own with a loaded sample app on revision 1, a Prometheus discovering it, and the error-rate template.</summary>
    private async Task<Setup> StartAsync(string name, int count, int failureLimit, int consecutiveErrorLimit = 3)
    {
        PrometheusServer.RequireInstalled();
        var ns = $"{name}-{Guid.NewGuid():N}"[..20];
        var app = (await server.Api.PostAsync("/api/apps", new
        {
            name,
            @namespace = ns,
            cluster_id = await server.CreateLocalClusterAsync($"{name}-{Guid.NewGuid():N}"[..20]),
            groups = new Dictionary<string, int> { ["web"] = 2 },
            revision = new { artifact = Artifact(), environment = Environment("v1", "0") },
        })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
        await server.DeploySuccessfullyAsync(app);
        var prometheus = await PrometheusServer.StartWithServiceDiscoveryAsync(new Uri(server.BaseAddress, $"/api/prometheus/targets?namespace={ns}"), server.AdminKey);
        var window = "[5s]";
        var query = $"(sum(rate(sample_requests_total{{deployment=\"{{{{deployment_id}}}}\",code=~\"5..\"}}{window})) or vector(0)) / sum(rate(sample_requests_total{{deployment=\"{{{{deployment_id}}}}\"}}{window}))";
        (await server.Api.PostAsync($"/api/analysis-templates?namespace={ns}", new
        {
            name = "error-rate",
            metrics = new[]
            {
                new
                {
                    name = "error-rate",
                    provider = new { prometheus = new { address = prometheus.Address.ToString().TrimEnd('/'), query } },
                    interval = $"{Interval.TotalSeconds}s",
                    count,
                    initial_delay = $"{InitialDelay.TotalSeconds}s",
                    success_condition = "result[0] < 0.05",
                    failure_condition = "result[0] >= 0.05",
                    failure_limit = failureLimit,
                    inconclusive_limit = 0,
                    consecutive_error_limit = consecutiveErrorLimit,
                },
            },
        })).Expect(HttpStatusCode.Created);
        return new Setup(ns, app, prometheus);
    }

    private async Task<Guid> DeployCanaryAsync(Setup setup, string errorRate)
    {
        var options = Scenario.FastOptions(
            new { instance_weight = 50, analysis = new { templates = new[] { "error-rate" } } },
            new { instance_weight = 100 });
        options["auto_revert"] = true;
        var started = await server.Api.PostAsync("/api/deployments", new
        {
            app_id = setup.App,
            strategy = "canary",
            options,
            artifact = Artifact(),
            environment = Environment("v2", errorRate),
        });
        return started.Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
    }

    private static object Artifact() => new { command = "dotnet", args = new[] { BuildOutputs.SampleService } };

    private static Dictionary<string, object> Environment(string version, string errorRate) => new()
    {
        ["VERSION"] = new { value = version },
        ["LOAD_RPS"] = new { value = "20" },
        ["ERROR_RATE"] = new { value = errorRate },
    };

    private sealed record Setup(string Namespace, Guid App, PrometheusServer Prometheus) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Prometheus.DisposeAsync();
    }
}
