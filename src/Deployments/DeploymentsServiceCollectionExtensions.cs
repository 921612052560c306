using Deployments.Drivers;
using Deployments.Metrics;
using Deployments.Notifications;
using Deployments.Platform;
using Deployments.Service;
using Deployments.Storage;
using Deployments.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deployments;

/// <summary>Registers the deployment domain with a host.</summary>
public static class DeploymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the deployment stores, services and target drivers. The host runs the orchestrations and
    /// activities <see cref="DeploymentTasks"/> lists, with <c>WorkflowJson.Options</c> as their serializer.
    /// </summary>
    public static IServiceCollection AddDeployments(this IServiceCollection services, string tablePrefix = "Deploy", Action<DeploymentServiceOptions>? configure = null)
    {
        services.AddOptions<DeploymentServiceOptions>().Configure(o => configure?.Invoke(o));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            // The domain tables are billed like the engine's: count them with the host's other requests.
            var client = StorageClients.Tables(provider.GetRequiredService<StorageConnection>(), provider.GetRequiredService<StorageTransactionCounter>());
            return new DeploymentTables(client, tablePrefix);
        });
        services.AddSingleton<AppStore>();
        services.AddSingleton<DeploymentStore>();
        services.AddSingleton<AllocationStore>();
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<AnalysisTemplateStore>();
        services.AddSingleton<AnalysisRunStore>();
        services.AddSingleton<ClusterTargets>();
        services.AddSingleton<AppRetirement>();
        services.AddSingleton<SecretResolver>();
        services.AddSingleton<DeploymentNotifier>();
        services.AddSingleton<DeploymentService>();
        services.AddSingleton<DeploymentPromotions>();
        services.AddSingleton<DeploymentRollbacks>();
        services.AddSingleton<DeploymentRecovery>();
        services.AddSingleton<RunningAllocations>();
        services.AddSingleton<AppCatalog>();
        services.AddSingleton<ClusterCatalog>();
        services.AddSingleton<EnvironmentCatalog>();
        services.AddSingleton<PipelineCatalog>();
        services.AddSingleton<SubscriptionCatalog>();
        services.AddSingleton<AnalysisCatalog>();
        services.AddSingleton<DeploymentAnalysis>();
        services.AddHttpClient("notifications");
        services.AddTargetDrivers();
        services.AddMetricReaders();
        services.AddDeploymentTelemetry();
        return services;
    }

    /// <summary>
    /// Adds the recovery pass, which finishes what a crashed process left half-written (a deployment
    /// recorded but never started, a list index behind its record). For the hosts that run the worker.
    /// </summary>
    public static IServiceCollection AddDeploymentRecovery(this IServiceCollection services)
    {
        services.AddHostedService<DeploymentRecoveryService>();
        return services;
    }
}
