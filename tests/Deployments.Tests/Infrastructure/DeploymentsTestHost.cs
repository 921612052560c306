using Deployments.Drivers;
using Deployments.Engine;
using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TestSupport;

namespace Deployments.Tests.Infrastructure;

/// <summary>
/// The deployment service with its durable worker on a test's own hub and tables, a local cluster on the
/// process driver running the real sample service, and clean-up of every process it started.
/// </summary>
internal sealed class DeploymentsTestHost : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How long the test hosts' recovery pass leaves a deployment's rows to the request writing them.</summary>
    public static readonly TimeSpan RecoverySettle = TimeSpan.FromSeconds(2);

    private readonly IHost host;
    private readonly string stateDirectory;

    private DeploymentsTestHost(IHost host, string stateDirectory)
    {
        this.host = host;
        this.stateDirectory = stateDirectory;
    }

    public string StateDirectory => stateDirectory;

    public DeploymentService Deployments => host.Services.GetRequiredService<DeploymentService>();

    public AppCatalog Apps => host.Services.GetRequiredService<AppCatalog>();

    public ClusterCatalog Clusters => host.Services.GetRequiredService<ClusterCatalog>();

    public EnvironmentCatalog Environments => host.Services.GetRequiredService<EnvironmentCatalog>();

    public PipelineCatalog Pipelines => host.Services.GetRequiredService<PipelineCatalog>();

    public SubscriptionCatalog Subscriptions => host.Services.GetRequiredService<SubscriptionCatalog>();

    public DeploymentPromotions Promotions => host.Services.GetRequiredService<DeploymentPromotions>();

    public DeploymentRollbacks Rollbacks => host.Services.GetRequiredService<DeploymentRollbacks>();

    public DeploymentRecovery Recovery => host.Services.GetRequiredService<DeploymentRecovery>();

    public IServiceProvider Services => host.Services;

    public static async Task<DeploymentsTestHost> StartAsync(string connectionString, string hubName, string? stateDirectory = null, bool runWorker = true, TimeSpan? leases = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("AzureWebJobsStorage", connectionString)]);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.AddDurableTaskEngine(builder.Configuration, registry => registry.AddOrchestrators(DeploymentTasks.Orchestrators).AddActivities(DeploymentTasks.Activities), WorkflowJson.Options, options =>
        {
            options.HubName = hubName;
            options.ExtendedSessionsEnabled = true;
            options.StorageProvider.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500);
            if (leases is { } lease)
            {
                options.StorageProvider.ControlQueueVisibilityTimeout = lease;
                options.StorageProvider.WorkItemQueueVisibilityTimeout = lease;
                options.StorageProvider.LeaseInterval = lease;
                options.StorageProvider.LeaseRenewInterval = lease / 3;
                options.StorageProvider.LeaseAcquireInterval = lease / 3;
            }
        }, runWorker);
        builder.Services.AddDeployments(tablePrefix: hubName, options =>
        {
            // Short, so tests of what a crash leaves half-written see the recovery pass act within seconds.
            options.RecoveryInterval = TimeSpan.FromSeconds(1);
            options.RecoverySettle = RecoverySettle;
        });
        if (runWorker)
        {
            builder.Services.AddDeploymentRecovery();
        }

        var host = builder.Build();
        await host.StartAsync();
        return new DeploymentsTestHost(host, stateDirectory ?? Directory.CreateTempSubdirectory("deployments-test-").FullName);
    }

    public async Task<Cluster> CreateLocalClusterAsync(string name = "local") =>
        await Clusters.CreateClusterAsync(name, "local", ClusterKind.Dedicated, "process", new Dictionary<string, string> { ["stateDirectory"] = stateDirectory }, CancellationToken.None);

    public static RevisionSpec SampleRevision(string version, bool failHealth = false) => new(
        new Artifact(null, "dotnet", [BuildOutputs.SampleService]),
        Environment: new Dictionary<string, EnvironmentValue>
        {
            ["VERSION"] = new(version, null),
            ["FAIL_HEALTH"] = new(failHealth ? "true" : "false", null),
        });

    public async Task<App> CreateSampleAppAsync(Cluster cluster, int instances, string name = "shop", string version = "v1") =>
        await Apps.CreateAppAsync(new CreateAppRequest(name, cluster.Id, new Dictionary<string, int> { ["web"] = instances }, Revision: SampleRevision(version)), CancellationToken.None);

    /// <summary>A deployment whose options make failures show quickly in tests.</summary>
    public static DeploymentOptions FastOptions(params CanaryStep[] steps) => new()
    {
        Steps = steps,
        MaxInFlight = 3,
        MinHealthyTime = TimeSpan.Zero,
        HealthyDeadline = TimeSpan.FromSeconds(20),
        ProgressDeadline = TimeSpan.FromSeconds(60),
    };

    public async Task<Deployment> WaitForAsync(Guid deploymentId, Func<Deployment, bool> condition, TimeSpan? timeout = null)
    {
        Deployment? last = null;
        var reached = await Polling.UntilAsync(
            $"deployment {deploymentId} to reach the expected state",
            // A new deployment is listed a moment before its record is written (see DeploymentStore), so one
            // found through the list may not be readable by id yet: keep what was last read rather than forget it.
            async token => last = await Deployments.GetAsync(deploymentId, token) ?? last,
            deployment => deployment is not null && condition(deployment),
            timeout ?? DefaultTimeout,
            describe: deployment => $"{deployment?.Status} '{deployment?.StatusDescription}'");
        return reached!;
    }

    /// <summary>The automatic rollback starts just after its deployment is marked failed: wait for it to exist.</summary>
    public async Task<Deployment> WaitForRollbackAsync(Guid appId, TimeSpan? timeout = null) =>
        await Polling.UntilAsync($"the automatic rollback of app {appId}", async token =>
        {
            var (found, _) = await Deployments.ListAsync(new Storage.DeploymentQuery { AppId = appId }, token);
            return found.FirstOrDefault(d => d.Kind == DeploymentKind.Rollback);
        }, timeout ?? DefaultTimeout);

    public Task<Deployment> WaitForEndAsync(Guid deploymentId, TimeSpan? timeout = null) =>
        WaitForAsync(deploymentId, d => d.Status.IsTerminal(), timeout);

    public async Task<IReadOnlyList<Allocation>> RunningAsync(Guid appId) =>
        [.. (await Services.GetRequiredService<Storage.AllocationStore>().ForAppAsync(appId, CancellationToken.None)).Where(a => a.DesiredStatus == AllocationStatus.Running)];

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(stop.Token);
        await StopEverythingAsync(host.Services.GetRequiredService<TargetDriverRegistry>().Get("process"), stateDirectory);
        host.Dispose();
    }

    /// <summary>Kills every sample process a test left behind, whatever state the test ended in.</summary>
    public static async Task StopEverythingAsync(ITargetDriver processDriver, string stateDirectory)
    {
        var cluster = new ClusterTarget("cleanup", "process", new Dictionary<string, string> { ["stateDirectory"] = stateDirectory });
        foreach (var running in await processDriver.ListAsync(cluster, CancellationToken.None))
        {
            await processDriver.StopAsync(cluster, new Placement(running.AllocationId, running.Address, running.ProcessId, null), CancellationToken.None);
        }
    }
}
