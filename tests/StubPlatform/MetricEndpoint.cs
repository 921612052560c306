using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StubPlatform;

/// <summary>
/// A JSON endpoint on 127.0.0.1 that analysis templates' <c>web</c> provider reads, so analysis runs really measure
/// without a Prometheus: <c>GET /metrics/{name}</c> answers <c>{"value": v}</c> with the value the test last set,
/// or 500 while the test makes it fail. It counts each metric's reads, so a test can tell how often it was measured.
/// </summary>
public sealed class MetricEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, double?> answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> reads = new(StringComparer.Ordinal);

    private MetricEndpoint(WebApplication app)
    {
        this.app = app;
        app.MapGet("/metrics/{name}", (string name) =>
        {
            reads.AddOrUpdate(name, 1, (_, count) => count + 1);
            return answers.TryGetValue(name, out var answer) && answer is { } value
                ? Results.Json(new { value })
                : Results.Problem($"metric {name} is failing", statusCode: StatusCodes.Status500InternalServerError);
        });
    }

    public Uri BaseAddress => new(app.Urls.Single());

    public static async Task<MetricEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var endpoint = new MetricEndpoint(builder.Build());
        await endpoint.app.StartAsync();
        return endpoint;
    }

    /// <summary>Where a template's web provider reads the metric <paramref name="name"/>.</summary>
    public string UrlOf(string name) => new Uri(BaseAddress, $"metrics/{name}").ToString();

    /// <summary>From now on the metric answers <paramref name="value"/>.</summary>
    public void Answer(string name, double value) => answers[name] = value;

    /// <summary>How many times the metric <paramref name="name"/> was read.</summary>
    public int ReadsOf(string name) => reads.TryGetValue(name, out var count) ? count : 0;

    /// <summary>From now on the metric answers 500: each measurement is a provider error.</summary>
    public void Fail(string name) => answers[name] = null;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
