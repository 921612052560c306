using Deployments.Drivers.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StubPlatform;

namespace Deployments.Drivers.Tests.Support;

/// <summary>A started stub platform and a webhook driver pointed at it, with retry delays short enough for tests.</summary>
internal sealed class WebhookPlatformScope : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private WebhookPlatformScope(StubPlatformServer platform, ServiceProvider services, CapturedLogs logs, string secret)
    {
        Platform = platform;
        _services = services;
        Logs = logs;
        Driver = services.GetRequiredService<TargetDriverRegistry>().Get(WebhookTargetDriver.DriverName);
        Cluster = new ClusterTarget("stub-cluster", WebhookTargetDriver.DriverName, new Dictionary<string, string>
        {
            ["endpoint"] = platform.BaseUrl,
            ["secret"] = secret,
        });
    }

    public StubPlatformServer Platform { get; }

    public ITargetDriver Driver { get; }

    public ClusterTarget Cluster { get; }

    public CapturedLogs Logs { get; }

    /// <param name="driverSecret">The secret the driver signs with; the platform's own by default.</param>
    /// <param name="driverTime">The driver's clock; the system clock by default.</param>
    public static async Task<WebhookPlatformScope> StartAsync(StubPlatformOptions? platformOptions = null, string? driverSecret = null,
        TimeProvider? driverTime = null, Action<WebhookDriverOptions>? configure = null)
    {
        var platform = new StubPlatformServer(platformOptions);
        await platform.StartAsync(TestContext.Current.CancellationToken);

        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        if (driverTime is not null)
        {
            services.AddSingleton(driverTime);
        }

        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddTargetDrivers();
        services.Configure<WebhookDriverOptions>(options =>
        {
            options.FirstRetryDelay = TimeSpan.FromMilliseconds(10);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(options);
        });
        return new WebhookPlatformScope(platform, services.BuildServiceProvider(), logs, driverSecret ?? platform.Secret);
    }

    public static AllocationSpec Spec(string allocationId, params (string Name, string Value)[] environment) =>
        new(allocationId, "deployment-1", "checkout", "web", 3, "./checkout", ["--serve"],
            environment.ToDictionary(e => e.Name, e => e.Value), "/health");

    public Task<Placement> PlaceAsync(AllocationSpec spec) => Driver.PlaceAsync(Cluster, spec, TestContext.Current.CancellationToken);

    public Task<HealthReport> HealthAsync(Placement placement) => Driver.CheckHealthAsync(Cluster, placement, TestContext.Current.CancellationToken);

    public Task<IReadOnlyList<RunningAllocation>> ListAsync() => Driver.ListAsync(Cluster, TestContext.Current.CancellationToken);

    public Task StopAsync(Placement placement) => Driver.StopAsync(Cluster, placement, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Platform.DisposeAsync();
    }
}
