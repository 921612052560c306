using System.Security.Cryptography;
using Deployments.Drivers;
using Deployments.Server;
using Deployments.Server.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace TestSupport.Server;

/// <summary>
/// The control plane as <c>Program</c> builds it (same setup calls, same host.json), listening on a real
/// socket on 127.0.0.1 with a free port, against the shared Azurite on a hub (and tables) of its own. It
/// runs its own durable workers, so deployments really roll out, on a process-driver cluster of sample
/// services that are all stopped on dispose.
/// </summary>
public sealed class ControlPlaneServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ControlPlaneServer(WebApplication app, string hubName, string adminKey, string stateDirectory, string connectionString)
    {
        this.app = app;
        AdminKey = adminKey;
        HubName = hubName;
        StateDirectory = stateDirectory;
        ConnectionString = connectionString;
        BaseAddress = new Uri(app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        // When the API requires a key (the admin key from configuration), this one opens every endpoint.
        Http.DefaultRequestHeaders.Add("x-functions-key", adminKey);
        Api = new ApiClient(Http);
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public ApiClient Api { get; }

    public string HubName { get; }

    /// <summary>The admin key the server was started with, for a client that must present it itself (Prometheus, say).</summary>
    public string AdminKey { get; }

    /// <summary>Where the process driver of the test's local cluster keeps its state.</summary>
    public string StateDirectory { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Where Prometheus scrapes this server; null unless it was started with a metrics URL.</summary>
    public Uri? MetricsScrapeUrl => app.Services.GetService<MetricsEndpoint>()?.ScrapeUrl;

    /// <param name="metricsUrl">
    /// The Prometheus endpoint's address (<c>SelfHost:Metrics:Url</c>): off unless a test asks, since servers run side by
    /// side and the default port would be taken by the first; <c>http://127.0.0.1:0</c> picks a free port.
    /// </param>
    /// <param name="settings">More settings, as <c>--Key=value</c> arguments, after (and so over) the harness's own.</param>
    public static async Task<ControlPlaneServer> StartAsync(string connectionString, string hubName, string metricsUrl = "off", params string[] settings)
    {
        var adminKey = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var contentRoot = AppContext.BaseDirectory;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--AzureWebJobsStorage={connectionString}",
            $"--AzureFunctionsJobHost:extensions:durableTask:hubName={hubName}",
            "--AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval=00:00:00.500",
            "--AzureFunctionsJobHost:extensions:durableTask:storageProvider:messageRetryDelay=00:00:00.200",
            $"--Auth:AdminKey={adminKey}",
            $"--{MetricsEndpointSettings.Setting}={metricsUrl}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore=Error",
            // Tests send refused keys from one address far more often than any client would; RateLimitTests sets its own.
            "--RateLimits:FailedAuthentication:PermitLimit=0",
            .. settings,
        ];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = contentRoot,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration.AddFunctionsFiles(contentRoot, args);
        await builder.AddControlPlaneAsync();
        var app = builder.Build();
        app.MapControlPlane();
        await app.StartAsync();
        return new ControlPlaneServer(app, hubName, adminKey, Directory.CreateTempSubdirectory("api-test-").FullName, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(stop.Token);
        await StopSampleProcessesAsync();
        await app.DisposeAsync();
    }

    /// <summary>Kills every sample process the tests left running, whatever state they ended in.</summary>
    private async Task StopSampleProcessesAsync()
    {
        var driver = app.Services.GetRequiredService<TargetDriverRegistry>().Get("process");
        var cluster = new ClusterTarget("cleanup", "process", new Dictionary<string, string> { ["stateDirectory"] = StateDirectory });
        foreach (var running in await driver.ListAsync(cluster, CancellationToken.None))
        {
            await driver.StopAsync(cluster, new Placement(running.AllocationId, running.Address, running.ProcessId, null), CancellationToken.None);
        }
    }
}
