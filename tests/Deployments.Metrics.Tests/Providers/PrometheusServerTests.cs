using Deployments.Metrics.Tests.Support;
using TestSupport;

namespace Deployments.Metrics.Tests.Providers;

/// <summary>The Prometheus provider against a real Prometheus (Debian's) that scrapes a test Kestrel.</summary>
public sealed class PrometheusServerTests(ScrapedPrometheus scraped) : IClassFixture<ScrapedPrometheus>
{
    [Fact]
    public async Task A_scalar_query_reads_one_value()
    {
        var prometheus = await scraped.StartedAsync();

        var reading = await Readers.Create().ReadAsync(new PrometheusMetric(prometheus.Address.AbsoluteUri, "scalar(test_value{series=\"{{series}}\"})"),
            new Dictionary<string, string> { ["series"] = "a" });

        Assert.Equal([0.25], reading.Values);
    }

    [Fact]
    public async Task A_vector_query_reads_one_value_per_series_in_the_order_prometheus_returns()
    {
        var prometheus = await scraped.StartedAsync();
        var reader = Readers.Create();

        Assert.Equal([4, 0.25], (await reader.ReadAsync(new PrometheusMetric(prometheus.Address.AbsoluteUri, "sort_desc(test_value)"))).Values);
        Assert.Equal([0.25, 4], (await reader.ReadAsync(new PrometheusMetric(prometheus.Address.AbsoluteUri, "sort(test_value)"))).Values);
        Assert.Empty((await reader.ReadAsync(new PrometheusMetric(prometheus.Address.AbsoluteUri, "test_value{series=\"none\"}"))).Values);
    }

    [Fact]
    public async Task NaN_and_the_infinities_prometheus_computes_are_read_as_those_doubles()
    {
        var prometheus = await scraped.StartedAsync();

        var reading = await Readers.Create().ReadAsync(new PrometheusMetric(prometheus.Address.AbsoluteUri,
            "sort_desc(label_replace(vector(1) / 0, \"v\", \"inf\", \"\", \"\") or label_replace(vector(-1) / 0, \"v\", \"-inf\", \"\", \"\"))"));
        var nan = await Readers.Create().ReadAsync(new PrometheusMetric(prometheus.Address.AbsoluteUri, "scalar(vector(0) / 0)"));

        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity], reading.Values);
        Assert.True(double.IsNaN(Assert.Single(nan.Values)));
    }

    [Fact]
    public async Task A_query_with_a_syntax_error_fails_with_prometheus_parse_error()
    {
        var prometheus = await scraped.StartedAsync();

        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new PrometheusMetric(prometheus.Address.AbsoluteUri, "sum(test_value")));

        Assert.StartsWith($"Prometheus at {prometheus.Address.AbsoluteUri} refused the query (400 Bad Request): bad_data:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("parse error", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_vector_query_fails_saying_it_is_a_matrix()
    {
        var prometheus = await scraped.StartedAsync();

        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new PrometheusMetric(prometheus.Address.AbsoluteUri, "test_value[1m]")));

        Assert.Contains("answered a matrix result", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_prometheus_fails_the_reading_naming_its_address()
    {
        PrometheusServer.RequireInstalled();
        // Nothing listens on port 1: this Prometheus has nothing to scrape, and needs nothing to answer vector(1).
        var target = new Uri("http://127.0.0.1:1/metrics");
        var prometheus = await PrometheusServer.StartAsync(target);
        var address = prometheus.Address.AbsoluteUri;
        var metric = new PrometheusMetric(address, "vector(1)");
        var reader = Readers.Create();
        Assert.Equal([1.0], (await reader.ReadAsync(metric)).Values);

        await prometheus.DisposeAsync();
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() => reader.ReadAsync(metric));

        Assert.StartsWith($"Prometheus at {address} could not be read:", failure.Message, StringComparison.Ordinal);
    }
}
