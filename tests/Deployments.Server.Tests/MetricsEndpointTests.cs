using System.Net.Sockets;
using Deployments.Server.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Metrics;
using TestSupport;

namespace Deployments.Server.Tests;

/// <summary>
/// The self-host's Prometheus endpoint, on a port of its own (here a free one on 127.0.0.1), scraped by a real
/// Prometheus while a rollout runs through the API.
/// </summary>
/// <remarks>
/// Alone, after the tests that run side by side: an OpenTelemetry meter provider listens to every meter of the
/// process by name, so a server here would also take in the meters of the other classes' servers, and one of those
/// servers stopping ends the stream its own counters share. One host per process, as deployed, has no such neighbour.
/// </remarks>
[Collection(nameof(MetricsEndpointTests))]
public sealed class MetricsEndpointTests(AzuriteFixture azurite)
{
    private const string AnyFreePort = "http://127.0.0.1:0";

    [Fact]
    public async Task Prometheus_CountsTheRolloutStartedAndSucceeded_ScrapedFromTheMetricsPort()
    {
        PrometheusServer.RequireInstalled();
        await using var server = await ControlPlaneServer.StartAsync(azurite.ConnectionString, azurite.NewHubName("prom"), AnyFreePort);
        await using var prometheus = await PrometheusServer.StartAsync(server.MetricsScrapeUrl!);
        // The counters are cumulative for the process: this test's deployment is told apart by a namespace of its own.
        var ns = $"prom-{Guid.NewGuid():N}"[..20];
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync(), "scraped", @namespace: ns);

        await server.DeploySuccessfullyAsync(app);

        var labels = $"deployment_namespace=\"{ns}\",deployment_strategy=\"rolling\",deployment_kind=\"rollout\"";
        await ExpectAsync(prometheus, $"sum(deployments_started_total{{{labels}}})", 1);
        await ExpectAsync(prometheus, $"sum(deployments_finished_total{{{labels},deployment_outcome=\"succeeded\"}})", 1);
        await ExpectAsync(prometheus, $"sum(deployments_rollout_duration_seconds_count{{{labels},deployment_outcome=\"succeeded\"}})", 1);
        Assert.True(await prometheus.QueryScalarAsync("sum(storage_transactions_total)", TestContext.Current.CancellationToken) > 0,
            "The engine's storage transaction counter is exported too.");
    }

    [Fact]
    public async Task MetricsPort_ServesOnlyMetricsWithoutAKey_AndTheApiPortDoesNotServeThem()
    {
        await using var server = await ControlPlaneServer.StartAsync(azurite.ConnectionString, azurite.NewHubName("metricsport"), AnyFreePort);
        using var anonymous = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var scrapeUrl = server.MetricsScrapeUrl!;

        using var scraped = await anonymous.GetAsync(scrapeUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("storage_transactions_total", await scraped.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", scrapeUrl.Host);
        Assert.NotEqual(server.BaseAddress.Port, scrapeUrl.Port);

        using var apiOnMetricsPort = await anonymous.GetAsync(new Uri(scrapeUrl, "/api/deployments"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, apiOnMetricsPort.StatusCode);
        using var metricsOnApiPortWithoutKey = await anonymous.GetAsync(new Uri(server.BaseAddress, "/metrics"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, metricsOnApiPortWithoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Api.GetAsync("/metrics")).Status);
    }

    [Fact]
    public async Task MetricsEndpoint_IsOff_WhenTheSettingSaysOff()
    {
        await using var server = await ControlPlaneServer.StartAsync(azurite.ConnectionString, azurite.NewHubName("metricsoff"), metricsUrl: "off");

        Assert.Null(server.MetricsScrapeUrl);
    }

    [Fact]
    public async Task MetricsEndpoint_OnAPortInUse_StopsTheStart_NamingTheSetting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}");
        await using var services = new ServiceCollection().AddLogging().AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter()).Services.BuildServiceProvider();
        await using var endpoint = new MetricsEndpoint(new MetricsEndpointSettings(url), services.GetRequiredService<MeterProvider>(), NullLogger<MetricsEndpoint>.Instance);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => endpoint.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(MetricsEndpointSettings.Setting, refused.Message, StringComparison.Ordinal);
    }

    private static async Task ExpectAsync(PrometheusServer prometheus, string query, double expected)
    {
        try
        {
            await Polling.UntilAsync($"Prometheus to answer {expected} to {query}",
                async token => await prometheus.QueryScalarAsync(query, token) ?? double.NaN,
                value => value == expected, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
        }
        catch (TimeoutException timeout)
        {
            var target = await prometheus.TargetHealthAsync(CancellationToken.None);
            throw new TimeoutException($"{timeout.Message} The scrape target is {target}. Prometheus said:\n{prometheus.Output}", timeout);
        }
    }
}

[CollectionDefinition(nameof(MetricsEndpointTests), DisableParallelization = true)]
public sealed class MetricsEndpointRunsAlone;
