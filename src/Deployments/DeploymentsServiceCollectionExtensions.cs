using Deployments.Drivers;
using Deployments.Engine;
using Deployments.Notifications;
using Deployments.Orchestrations;
using Deployments.Orchestrations.Activities;
using Deployments.Service;
using Deployments.Storage;
using Deployments.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deployments;

public static class DeploymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the deployment stores, services and target drivers. Call together with
    /// <c>AddDurableTaskEngine(..., DeploymentTasks.Register, WorkflowJson.Options)</c>, which registers the orchestrations.
    /// </summary>
    public static IServiceCollection AddDeployments(this IServiceCollection services, string tablePrefix = "Deploy", Action<DeploymentServiceOptions>? configure = null)
    {
        services.AddOptions<DeploymentServiceOptions>().Configure(o => configure?.Invoke(o));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            // The domain tables are billed like the engine's: count them with the host's other requests.
            var client = TaskHubStorage.TableService(provider.GetRequiredService<StorageConnection>(), provider.GetRequiredService<StorageTransactionCounter>());
            return new DeploymentTables(client, tablePrefix);
        });
        services.AddSingleton<AppStore>();
        services.AddSingleton<DeploymentStore>();
        services.AddSingleton<AllocationStore>();
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<ClusterTargets>();
        services.AddSingleton<AppRetirement>();
        services.AddSingleton<SecretResolver>();
        services.AddSingleton<DeploymentNotifier>();
        services.AddSingleton<DeploymentService>();
        services.AddSingleton<CatalogService>();
        services.AddHttpClient("notifications");
        services.AddTargetDrivers();
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

/// <summary>The deployment orchestrations and activities, for the self-hosted worker's registry.</summary>
public static class DeploymentTasks
{
    public static void Register(TaskRegistry registry) => registry
        .AddOrchestrator<RolloutOrchestrator>(RolloutOrchestrator.Name)
        .AddOrchestrator<NotifySubscribersOrchestrator>(NotifySubscribersOrchestrator.Name)
        .AddOrchestrator<EnvironmentPromotionOrchestrator>(EnvironmentPromotionOrchestrator.Name)
        .AddOrchestrator<RetireSourceOrchestrator>(RetireSourceOrchestrator.Name)
        .AddOrchestrator<ScaleDownOrchestrator>(ScaleDownOrchestrator.Name)
        .AddActivity<ApplyEnvironmentPromotionActivity>(PromotionActivities.ApplyEnvironmentPromotion)
        .AddActivity<NoteApprovalActivity>(PromotionActivities.NoteApproval)
        .AddActivity<RetireAppActivity>(PromotionActivities.RetireApp)
        .AddActivity<LoadRolloutPlanActivity>(RolloutActivities.LoadPlan)
        .AddActivity<UpdateDeploymentActivity>(RolloutActivities.Update)
        .AddActivity<PlaceAllocationsActivity>(RolloutActivities.Place)
        .AddActivity<StopAllocationsActivity>(RolloutActivities.Stop)
        .AddActivity<CheckAllocationHealthActivity>(RolloutActivities.CheckHealth)
        .AddActivity<CompleteRolloutActivity>(RolloutActivities.Complete)
        .AddActivity<StartRollbackActivity>(RolloutActivities.StartRollback)
        .AddActivity<IsDeploymentFinishedActivity>(RolloutActivities.IsFinished)
        .AddActivity<ListSubscribersActivity>(NotifySubscribersOrchestrator.ListActivity)
        .AddActivity<DeliverNotificationActivity>(NotifySubscribersOrchestrator.DeliverActivity);
}
