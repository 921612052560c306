using Deployments.Service;
using Durable;
using Durable.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deployments.Bench;

/// <summary>
/// Two hosts on one hub and one set of domain tables. The worker is the control plane under test: it creates
/// the deployments and runs their orchestrations, and its <see cref="StorageTransactionCounter"/> is what the
/// figures report. The observer only watches for completions, with a counter of its own, so watching the
/// benchmark does not inflate what the benchmark measures.
/// </summary>
internal sealed class BenchHosts : IAsyncDisposable
{
    private readonly IHost worker;
    private readonly IHost observer;

    private BenchHosts(IHost worker, IHost observer)
    {
        this.worker = worker;
        this.observer = observer;
    }

    public DeploymentService Deployments => worker.Services.GetRequiredService<DeploymentService>();

    public CatalogService Catalog => worker.Services.GetRequiredService<CatalogService>();

    public StorageTransactionCounter Transactions => worker.Services.GetRequiredService<StorageTransactionCounter>();

    public DurableTaskOptions EngineOptions => worker.Services.GetRequiredService<DurableTaskOptions>();

    public DurableTaskClient ObserverClient => observer.Services.GetRequiredService<DurableTaskClient>();

    public DeploymentService ObserverDeployments => observer.Services.GetRequiredService<DeploymentService>();

    public static async Task<BenchHosts> StartAsync(string connectionString)
    {
        var hubName = $"deplbench{Guid.NewGuid():N}"[..21];
        var worker = await BuildAsync(connectionString, hubName, runWorker: true);
        await worker.Services.GetRequiredService<DurableTaskEngine>().EnsureCreatedAsync();
        var observer = await BuildAsync(connectionString, hubName, runWorker: false);
        return new BenchHosts(worker, observer);
    }

    /// <summary>Engine settings are the defaults a production host gets; only the hub name is the benchmark's own.</summary>
    private static async Task<IHost> BuildAsync(string connectionString, string hubName, bool runWorker)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("AzureWebJobsStorage", connectionString)]);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning).AddConsole();
        builder.Services.AddDurableTask(builder.Configuration, DeploymentTasks.Register, options => options.HubName = hubName, runWorker);
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
