using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deployments.Api.Auth;
using Deployments.Api.Hooks;
using Deployments.Drivers;
using Deployments.Model;
using Deployments.Server;
using Deployments.Server.Telemetry;
using Deployments.Service;
using DevStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TestSupport;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>
/// The real app in this process (self-hosted, workers running) on its own task hub, over a real socket on
/// 127.0.0.1, with a known admin key and webhook secret. Stops every sample process it started on dispose.
/// </summary>
internal sealed class ControlPlaneHost : IAsyncDisposable
{
    public const string AdminKey = "contract-tests-admin-key-0123456789";
    public const string WebhookSecret = "contract-tests-webhook-secret";

    private readonly WebApplication app;
    private readonly DevelopmentStorageLease? storage;

    private ControlPlaneHost(WebApplication app, DevelopmentStorageLease? storage, string stateDirectory)
    {
        this.app = app;
        this.storage = storage;
        StateDirectory = stateDirectory;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public string StateDirectory { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<ControlPlaneHost> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        var connection = azurite.ConnectionString;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppOutput.Directory, EnvironmentName = "Production" });
        builder.Configuration.AddFunctionsFiles(AppOutput.Directory, []);
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = azurite.NewHubName("api"),
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:00.500",
            [AdminKeyStore.ConfigurationKey] = AdminKey,
            [HooksApi.SecretSetting] = WebhookSecret,
            // Hosts run side by side: the default metrics port would be taken by the first.
            [MetricsEndpointSettings.Setting] = "off",
            // Tests send refused keys from one address far more often than any client would.
            ["RateLimits:FailedAuthentication:PermitLimit"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var storage = await builder.AddControlPlaneAsync();
        var app = builder.Build();
        app.MapControlPlane();
        await app.StartAsync();
        return new ControlPlaneHost(app, storage, Directory.CreateTempSubdirectory("functions-contract-").FullName);
    }

    /// <summary>A client that sends no key at all.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A client that sends <paramref name="key"/> as x-functions-key (the admin key when not given).</summary>
    public HttpClient WithKey(string? key = null)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("x-functions-key", key ?? AdminKey);
        return client;
    }

    public HttpClient WithBearer(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a token through the tokens API with the admin key and returns its value.</summary>
    public async Task<string> CreateTokenAsync(string name, string @namespace, params string[] capabilities)
    {
        using var admin = WithKey();
        using var response = await admin.PostAsJsonAsync("/api/tokens", new { name, @namespace, capabilities });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    public ClusterCatalog Clusters => Services.GetRequiredService<ClusterCatalog>();

    public AppCatalog Apps => Services.GetRequiredService<AppCatalog>();

    public async Task<Cluster> CreateLocalClusterAsync(string name = "local") =>
        await Clusters.CreateClusterAsync(name, "local", ClusterKind.Dedicated, "process", new Dictionary<string, string> { ["stateDirectory"] = StateDirectory }, CancellationToken.None);

    public static RevisionSpec SampleRevision(string version) => new(
        new Artifact(null, "dotnet", [AppOutput.SampleService]),
        Environment: new Dictionary<string, EnvironmentValue> { ["VERSION"] = new(version, null) });

    public async Task<App> CreateSampleAppAsync(Cluster cluster, string name = "shop", string @namespace = "default", int instances = 1, string? environment = null) =>
        await Apps.CreateAppAsync(new CreateAppRequest(name, cluster.Id, new Dictionary<string, int> { ["web"] = instances }, @namespace, environment, Revision: SampleRevision("v1")), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(stop.Token);
        await StopSampleProcessesAsync(app.Services.GetRequiredService<TargetDriverRegistry>().Get("process"), StateDirectory);
        await app.DisposeAsync();
        if (storage is not null)
        {
            await storage.DisposeAsync();
        }
    }

    /// <summary>Kills every sample process left behind, whatever state the test ended in.</summary>
    public static Task StopSampleProcessesAsync(ITargetDriver processDriver, string stateDirectory) =>
        StopSampleProcessesAsync(processDriver, new ClusterTarget("cleanup", "process", new Dictionary<string, string> { ["stateDirectory"] = stateDirectory }));

    public static async Task StopSampleProcessesAsync(ITargetDriver processDriver, ClusterTarget cluster)
    {
        foreach (var running in await processDriver.ListAsync(cluster, CancellationToken.None))
        {
            await processDriver.StopAsync(cluster, new Placement(running.AllocationId, running.Address, running.ProcessId, null), CancellationToken.None);
        }
    }
}
