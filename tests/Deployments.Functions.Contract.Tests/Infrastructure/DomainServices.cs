using Deployments.Drivers;
using Deployments.Engine;
using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>
/// The domain services on a hub's tables without any worker, for a test to seed a cluster and an app that
/// a separately running handler process then deploys, and to stop the sample processes afterwards.
/// </summary>
internal sealed class DomainServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public DomainServices(string connectionString, string hubName)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", connectionString)]).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDurableTaskEngine(configuration, registry => registry.AddOrchestrators(DeploymentTasks.Orchestrators).AddActivities(DeploymentTasks.Activities), WorkflowJson.Options, options => options.HubName = hubName, runWorker: false);
        services.AddDeployments(tablePrefix: hubName);
        provider = services.BuildServiceProvider();
        StateDirectory = Directory.CreateTempSubdirectory("functions-contract-").FullName;
    }

    public string StateDirectory { get; }

    public ClusterCatalog Clusters => provider.GetRequiredService<ClusterCatalog>();

    public AppCatalog Apps => provider.GetRequiredService<AppCatalog>();

    public async Task<App> CreateSampleAppAsync(int instances = 1)
    {
        var cluster = await Clusters.CreateClusterAsync("local", "local", ClusterKind.Dedicated, "process", new Dictionary<string, string> { ["stateDirectory"] = StateDirectory }, CancellationToken.None);
        return await Apps.CreateAppAsync(new CreateAppRequest("shop", cluster.Id, new Dictionary<string, int> { ["web"] = instances }, Revision: ControlPlaneHost.SampleRevision("v1")), CancellationToken.None);
    }

    /// <summary>Stops the sample processes of a cluster that keeps its state in the driver's default directory.</summary>
    public Task StopSampleProcessesAsync(Guid clusterId) =>
        ControlPlaneHost.StopSampleProcessesAsync(provider.GetRequiredService<TargetDriverRegistry>().Get("process"), new ClusterTarget(clusterId.ToString("N"), "process", new Dictionary<string, string>()));

    public async ValueTask DisposeAsync()
    {
        await ControlPlaneHost.StopSampleProcessesAsync(provider.GetRequiredService<TargetDriverRegistry>().Get("process"), StateDirectory);
        await provider.DisposeAsync();
    }
}
