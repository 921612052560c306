using System.Net;
using OpenTelemetry.Metrics;

namespace Deployments.Server.Telemetry;

/// <summary>
/// Serves <c>/metrics</c> for Prometheus from a small web server of its own on <see cref="MetricsEndpointSettings.Url"/>,
/// reading the control plane's meters. A separate server rather than a second port of the API's: none of the API's
/// middleware (keys, problem details, the dashboard) runs here, and nothing but <c>/metrics</c> answers.
/// </summary>
internal sealed partial class MetricsEndpoint(MetricsEndpointSettings settings, MeterProvider meters, ILogger<MetricsEndpoint> logger) : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";

    private WebApplication? server;

    /// <summary>Where Prometheus scrapes, with the port actually bound (the configured one may be 0).</summary>
    public Uri? ScrapeUrl { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = settings.Url!;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        // Listen rather than URLs, so no ASPNETCORE_URLS or --urls meant for the API can move this server.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(Address(url), url.Port));
        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, path: Path, configureBranchedPipeline: null, optionsName: null);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException failure)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"Cannot serve metrics on {url}: {failure.Message}. Set {MetricsEndpointSettings.Setting} to another address, or to 'off'.", failure);
        }

        server = app;
        var bound = new Uri(app.Urls.Single());
        ScrapeUrl = new UriBuilder(url) { Port = bound.Port, Path = Path }.Uri;
        Serving(logger, ScrapeUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }

    private static IPAddress Address(Uri url) =>
        url.IsLoopback && url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : url.Host is "*" or "+" or "0.0.0.0" ? IPAddress.Any
        : IPAddress.Parse(url.Host.Trim('[', ']'));

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics for Prometheus at {ScrapeUrl}")]
    private static partial void Serving(ILogger logger, Uri scrapeUrl);
}
