using System.Diagnostics;
using System.Globalization;
using Prometheus;

namespace SampleService;

/// <summary>
/// The sample's own metrics, the ones a canary analysis queries: requests to the work endpoint by status code and
/// their duration. They live in a registry of their own so /metrics carries no default process and runtime
/// collectors, whose listeners would slow the start-up the empty builder exists for.
/// </summary>
internal sealed class SampleMetrics
{
    /// <summary>From 5 ms to 10 s: the fast path and every delay LATENCY_MS is likely to add fall in a bucket of their own.</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter requests;
    private readonly Histogram duration;

    public SampleMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        requests = factory.CreateCounter(
            "sample_requests_total", "Requests to the sample's work endpoint, by HTTP status code.", "code");
        duration = factory.CreateHistogram(
            "sample_request_duration_seconds", "Time the sample took to answer a request to its work endpoint.",
            new HistogramConfiguration { Buckets = DurationBuckets });
    }

    /// <summary>What GET /metrics exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Middleware that measures every request it sees; mapped only in front of the work endpoint.</summary>
    public async Task MeasureAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            duration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            requests.WithLabels(context.Response.StatusCode.ToString(CultureInfo.InvariantCulture)).Inc();
        }
    }
}
