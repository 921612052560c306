using Deployments.Drivers.Tests.Support;

namespace Deployments.Drivers.Tests.Sample;

/// <summary>
/// The sample service's /metrics, fault injection and self-load, on a real process: what a canary analysis
/// reads from it has to move the way its settings say.
/// </summary>
public sealed class SampleServiceMetricsTests
{
    private const string Ok = "sample_requests_total{code=\"200\"}";
    private const string Failed = "sample_requests_total{code=\"500\"}";
    private const string DurationSum = "sample_request_duration_seconds_sum";
    private const string DurationCount = "sample_request_duration_seconds_count";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_request_fails_and_counts_as_500_when_the_error_rate_is_one()
    {
        await using var sample = await SampleProcess.StartAsync(new Dictionary<string, string> { ["ERROR_RATE"] = "1", ["LOAD_RPS"] = "20" });

        var scrape = await ScrapeUntilAsync(sample, "5 failed requests from the self-load", s => s[Failed] >= 5);

        Assert.False(scrape.Has(Ok), scrape.Text);
        Assert.True(scrape[DurationCount] >= scrape[Failed], scrape.Text);
        Assert.True((await sample.Http.GetAsync(new Uri("health", UriKind.Relative), Ct)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Every_request_succeeds_and_counts_as_200_when_the_error_rate_is_zero()
    {
        await using var sample = await SampleProcess.StartAsync(new Dictionary<string, string> { ["ERROR_RATE"] = "0", ["LOAD_RPS"] = "20" });

        var scrape = await ScrapeUntilAsync(sample, "5 answered requests from the self-load", s => s[Ok] >= 5);

        Assert.False(scrape.Has(Failed), scrape.Text);
    }

    [Fact]
    public async Task The_error_rate_flag_wins_over_the_environment()
    {
        await using var sample = await SampleProcess.StartAsync(new Dictionary<string, string> { ["ERROR_RATE"] = "0" }, "--error-rate", "1");

        using var response = await sample.Http.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(500, (int)response.StatusCode);
    }

    [Fact]
    public async Task Added_latency_shows_in_the_duration_histogram()
    {
        await using var sample = await SampleProcess.StartAsync(new Dictionary<string, string> { ["LATENCY_MS"] = "200", ["LOAD_RPS"] = "10" });

        var scrape = await ScrapeUntilAsync(sample, "3 measured requests from the self-load", s => s[DurationCount] >= 3);

        Assert.True(scrape[DurationSum] / scrape[DurationCount] >= 0.2, scrape.Text);
        Assert.Equal(0, scrape["sample_request_duration_seconds_bucket{le=\"0.1\"}"]);
    }

    [Fact]
    public async Task Health_checks_and_scrapes_are_not_counted_as_requests()
    {
        await using var sample = await SampleProcess.StartAsync(new Dictionary<string, string>());
        for (var i = 0; i < 3; i++)
        {
            (await sample.Http.GetAsync(new Uri("health", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
            await MetricsScrape.ReadAsync(sample.Http, Ct);
        }

        (await sample.Http.GetAsync(new Uri("/", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        var scrape = await MetricsScrape.ReadAsync(sample.Http, Ct);

        Assert.Equal(1, scrape[Ok]);
        Assert.Equal(1, scrape[DurationCount]);
    }

    [Fact]
    public async Task The_metrics_are_exported_before_the_first_request()
    {
        await using var sample = await SampleProcess.StartAsync(new Dictionary<string, string> { ["LOAD_RPS"] = "0" });

        var scrape = await MetricsScrape.ReadAsync(sample.Http, Ct);

        Assert.Equal(0, scrape[DurationCount]);
        Assert.Contains("# TYPE sample_requests_total counter", scrape.Text, StringComparison.Ordinal);
    }

    private static Task<MetricsScrape> ScrapeUntilAsync(SampleProcess sample, string what, Func<MetricsScrape, bool> done) =>
        TestSupport.Polling.UntilAsync(what, token => MetricsScrape.ReadAsync(sample.Http, token), done, Waits.Timeout, Waits.Interval,
            scrape => $"{scrape.Text}\nsample output:\n{sample.Output}");
}
