using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Deployments.Engine;
using Deployments.Orchestrations;
using Deployments.Platform;
using Deployments.Service;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deployments.Bench;

/// <summary>
/// Two hosts on one task hub and one set of domain tables. The worker is the control plane under test: it creates
/// the deployments and runs their orchestrations, and its <see cref="StorageTransactionCounter"/> is what the figures
/// report. The observer runs no worker: it watches for completions with a counter of its own, so watching does not
/// inflate what is measured, and it is "another instance" of the app when a rollout is started from elsewhere.
/// </summary>
internal sealed class BenchHosts : IAsyncDisposable
{
    private readonly IHost worker;
    private readonly IHost observer;

    private BenchHosts(IHost worker, IHost observer, EngineSettings settings)
    {
        this.worker = worker;
        this.observer = observer;
        Settings = settings;
    }

    public EngineSettings Settings { get; }

    public DeploymentService Deployments => worker.Services.GetRequiredService<DeploymentService>();

    public AppCatalog Apps => worker.Services.GetRequiredService<AppCatalog>();

    public ClusterCatalog Clusters => worker.Services.GetRequiredService<ClusterCatalog>();

    public EnvironmentCatalog Environments => worker.Services.GetRequiredService<EnvironmentCatalog>();

    public PipelineCatalog Pipelines => worker.Services.GetRequiredService<PipelineCatalog>();

    public SubscriptionCatalog Subscriptions => worker.Services.GetRequiredService<SubscriptionCatalog>();

    public DeploymentPromotions Promotions => worker.Services.GetRequiredService<DeploymentPromotions>();

    public DeploymentRollbacks Rollbacks => worker.Services.GetRequiredService<DeploymentRollbacks>();

    public AnalysisCatalog Analysis => worker.Services.GetRequiredService<AnalysisCatalog>();

    public DeploymentRecovery Recovery => worker.Services.GetRequiredService<DeploymentRecovery>();

    public StorageTransactionCounter Transactions => worker.Services.GetRequiredService<StorageTransactionCounter>();

    public DurableTaskClient ObserverClient => observer.Services.GetRequiredService<DurableTaskClient>();

    public DeploymentService ObserverDeployments => observer.Services.GetRequiredService<DeploymentService>();

    /// <summary>A fresh task hub and tables, so no row inherits another's queues, leases or instances.</summary>
    public static async Task<BenchHosts> StartAsync(string connectionString, EngineSettings settings, EngineProfile profile)
    {
        var hubName = $"deplbench{Guid.NewGuid():N}"[..21];
        var worker = await BuildAsync(connectionString, hubName, settings, profile, runWorker: true);
        var observer = await BuildAsync(connectionString, hubName, settings, profile: null, runWorker: false);
        await WaitForPartitionsAsync(connectionString, hubName, settings.PartitionCount);
        return new BenchHosts(worker, observer, settings);
    }

    /// <summary>
    /// A fresh worker takes its control-queue partitions one lease round at a time; a rollout whose partition is not
    /// owned yet waits for that, not for the engine. Reads the framework's partition table (one row per control queue)
    /// until every partition has an owner, through a client of its own so no host's count includes it.
    /// </summary>
    private static async Task WaitForPartitionsAsync(string connectionString, string hubName, int partitions)
    {
        var table = new TableClient(connectionString, hubName + "Partitions");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var owned = 0;
            try
            {
                await foreach (var lease in table.QueryAsync<TableEntity>())
                {
                    owned += string.IsNullOrEmpty(lease.GetString("CurrentOwner")) ? 0 : 1;
                }
            }
            catch (RequestFailedException failure) when (failure.Status == 404)
            {
                // The worker has not created the table yet.
            }

            if (owned >= partitions)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"The worker owns {owned} of {partitions} partitions after {deadline.Elapsed.TotalSeconds:F0} s.");
            }

            await Task.Delay(250);
        }
    }

    private static async Task<IHost> BuildAsync(string connectionString, string hubName, EngineSettings settings, EngineProfile? profile, bool runWorker)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (settings.HostJson is { } hostJson)
        {
            builder.Configuration.AddFunctionsHostJson(hostJson);
        }

        builder.Configuration.AddInMemoryCollection([new("AzureWebJobsStorage", connectionString)]);
        // Warnings go to stderr, so stdout stays the Markdown report.
        builder.Logging.AddFilter(level => level >= LogLevel.Warning).AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Warning);
        if (profile is not null)
        {
            builder.Logging.AddProvider(profile.Logs);
            builder.Logging.AddFilter<EngineProfile.FrameworkEvents>("DurableTask", LogLevel.Information);
            builder.Services.AddSingleton(profile);
        }

        builder.Services.AddDurableTaskEngine(builder.Configuration, profile is null ? registry => registry.AddOrchestrators(DeploymentTasks.Orchestrators).AddActivities(DeploymentTasks.Activities) : ProfiledTasks.Register, WorkflowJson.Options, options =>
        {
            options.HubName = hubName;
            settings.ApplyTo(options);
        }, runWorker);
        builder.Services.AddDeployments(tablePrefix: hubName);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { observer, worker })
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await host.StopAsync(stop.Token);
            host.Dispose();
        }
    }
}
