using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TestSupport;

namespace Deployments.Metrics.Tests.Support;

/// <summary>
/// A real Prometheus scraping a test Kestrel that serves two fixed series, <c>test_value{series="a"} 0.25</c> and
/// <c>test_value{series="b"} 4</c>; started once for the class that uses it, on first use, so a machine without
/// Prometheus skips those tests instead of failing the fixture.
/// </summary>
public sealed class ScrapedPrometheus : IAsyncDisposable
{
    public const string Exposition = """
        # HELP test_value A value the metric tests read back through Prometheus.
        # TYPE test_value gauge
        test_value{series="a"} 0.25
        test_value{series="b"} 4

        """;

    private readonly SemaphoreSlim starting = new(1, 1);
    private LoopbackServer? target;
    private PrometheusServer? prometheus;

    /// <summary>The running Prometheus, once it has scraped both series.</summary>
    public async Task<PrometheusServer> StartedAsync()
    {
        PrometheusServer.RequireInstalled();
        await starting.WaitAsync();
        try
        {
            if (prometheus is not null)
            {
                return prometheus;
            }

            target = await LoopbackServer.StartAsync(app =>
                app.MapGet("/metrics", () => Results.Text(Exposition.Replace("\r", "", StringComparison.Ordinal), "text/plain; version=0.0.4")));
            prometheus = await PrometheusServer.StartAsync(new Uri(target.Url("/metrics")));

            // Prometheus scrapes every second; wait (bounded) until the first scrape is queryable.
            await Polling.UntilAsync(
                "Prometheus to have scraped test_value",
                token => prometheus.QueryScalarAsync("count(test_value)", token),
                count => count == 2,
                TimeSpan.FromSeconds(30),
                describe: count => $"{count?.ToString() ?? "no series"}; target {prometheus.TargetHealthAsync(CancellationToken.None).GetAwaiter().GetResult()}");
            return prometheus;
        }
        finally
        {
            starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (prometheus is not null)
        {
            await prometheus.DisposeAsync();
        }

        if (target is not null)
        {
            await target.DisposeAsync();
        }

        starting.Dispose();
    }
}
