using Deployments.Functions.Http;
using Deployments.Model;
using Deployments.Notifications;
using Deployments.Orchestrations;
using Deployments.Orchestrations.Activities;
using Deployments.Service;
using Deployments.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Functions.Workflows;

/// <summary>
/// The activity functions Durable Functions runs: each builds the activity class the self-host runs (from
/// this invocation's services) and calls it. Every one binds a Durable Functions client, since some
/// activities start orchestrations of their own (a rollback, a notification).
/// </summary>
public static class ActivityFunctions
{
    /// <summary>Runs <see cref="LoadRolloutPlanActivity"/>: the deployment, its app and what already runs, read as one snapshot.</summary>
    [Function(RolloutActivities.LoadPlan)]
    public static Task<RolloutPlan> LoadPlan([ActivityTrigger] Guid input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<LoadRolloutPlanActivity, Guid, RolloutPlan>(input, client, function);

    /// <summary>Runs <see cref="UpdateDeploymentActivity"/>: applies an update to the deployment at most once; true when this run changed its status.</summary>
    [Function(RolloutActivities.Update)]
    public static Task<bool> Update([ActivityTrigger] DeploymentUpdate input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<UpdateDeploymentActivity, DeploymentUpdate, bool>(input, client, function);

    /// <summary>Runs <see cref="PlaceAllocationsActivity"/>: places allocations through the cluster's driver; returns how many.</summary>
    [Function(RolloutActivities.Place)]
    public static Task<int> Place([ActivityTrigger] PlaceRequest input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<PlaceAllocationsActivity, PlaceRequest, int>(input, client, function);

    /// <summary>Runs <see cref="StopAllocationsActivity"/>: stops allocations through the driver; returns how many.</summary>
    [Function(RolloutActivities.Stop)]
    public static Task<int> Stop([ActivityTrigger] StopRequest input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<StopAllocationsActivity, StopRequest, int>(input, client, function);

    /// <summary>Runs <see cref="CheckAllocationHealthActivity"/>: probes the allocations (or reads manual health) and sums them up.</summary>
    [Function(RolloutActivities.CheckHealth)]
    public static Task<HealthSummary> CheckHealth([ActivityTrigger] HealthRequest input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<CheckAllocationHealthActivity, HealthRequest, HealthSummary>(input, client, function);

    /// <summary>Runs <see cref="CompleteRolloutActivity"/>: makes a successful rollout's revision the app's current one.</summary>
    [Function(RolloutActivities.Complete)]
    public static Task<bool> Complete([ActivityTrigger] Guid input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<CompleteRolloutActivity, Guid, bool>(input, client, function);

    /// <summary>Runs <see cref="StartRollbackActivity"/>: starts a failed deployment's automatic rollback; returns the rollback's id.</summary>
    [Function(RolloutActivities.StartRollback)]
    public static Task<Guid> StartRollback([ActivityTrigger] RollbackRequest input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<StartRollbackActivity, RollbackRequest, Guid>(input, client, function);

    /// <summary>Runs <see cref="IsDeploymentFinishedActivity"/>: true when the deployment has ended or no longer exists.</summary>
    [Function(RolloutActivities.IsFinished)]
    public static Task<bool> IsFinished([ActivityTrigger] Guid input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<IsDeploymentFinishedActivity, Guid, bool>(input, client, function);

    /// <summary>Runs <see cref="ApplyEnvironmentPromotionActivity"/>: makes the deployment the environment's live one.</summary>
    [Function(PromotionActivities.ApplyEnvironmentPromotion)]
    public static Task<EnvironmentPromotionOutcome> ApplyEnvironmentPromotion([ActivityTrigger] EnvironmentPromotion input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<ApplyEnvironmentPromotionActivity, EnvironmentPromotion, EnvironmentPromotionOutcome>(input, client, function);

    /// <summary>Runs <see cref="NoteApprovalActivity"/>: writes an approval step onto the deployment's timeline.</summary>
    [Function(PromotionActivities.NoteApproval)]
    public static Task<bool> NoteApproval([ActivityTrigger] ApprovalNote input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<NoteApprovalActivity, ApprovalNote, bool>(input, client, function);

    /// <summary>Runs <see cref="RetireAppActivity"/>: stops an app's allocations and deletes it once its promoted copy succeeded.</summary>
    [Function(PromotionActivities.RetireApp)]
    public static Task<bool> RetireApp([ActivityTrigger] RetireSource input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<RetireAppActivity, RetireSource, bool>(input, client, function);

    /// <summary>Runs <see cref="StartAnalysisActivity"/>: copies the templates' metrics into a new analysis run with its arguments filled.</summary>
    [Function(AnalysisActivities.Start)]
    public static Task<AnalysisRun> StartAnalysis([ActivityTrigger] AnalysisRequest input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<StartAnalysisActivity, AnalysisRequest, AnalysisRun>(input, client, function);

    /// <summary>Runs <see cref="MeasureMetricActivity"/>: reads a metric's provider once, judges the reading and stores it.</summary>
    [Function(AnalysisActivities.Measure)]
    public static Task<Measurement> MeasureMetric([ActivityTrigger] MeasureRequest input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<MeasureMetricActivity, MeasureRequest, Measurement>(input, client, function);

    /// <summary>Runs <see cref="FinishAnalysisActivity"/>: records an analysis verdict on the run, the timeline and as a CloudEvent.</summary>
    [Function(AnalysisActivities.Finish)]
    public static Task<bool> FinishAnalysis([ActivityTrigger] FinishAnalysisRequest input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<FinishAnalysisActivity, FinishAnalysisRequest, bool>(input, client, function);

    /// <summary>Runs <see cref="ListSubscribersActivity"/>: the ids of the subscriptions of the namespace given.</summary>
    [Function(NotifySubscribersOrchestrator.ListActivity)]
    public static Task<List<Guid>> ListSubscribers([ActivityTrigger] string input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<ListSubscribersActivity, string, List<Guid>>(input, client, function);

    /// <summary>Runs <see cref="DeliverNotificationActivity"/>: POSTs one signed CloudEvent to one subscriber.</summary>
    [Function(NotifySubscribersOrchestrator.DeliverActivity)]
    public static Task<int> DeliverNotification([ActivityTrigger] Delivery input, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunAsync<DeliverNotificationActivity, Delivery, int>(input, client, function);

    private static async Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, DurableTaskClient client, FunctionContext function)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        var activity = ActivatorUtilities.CreateInstance<TActivity>(function.InstanceServices);
        var context = new FunctionActivityContext(function);
        using (function.InstanceServices.GetService<DeploymentActivityScope>()?.Enter(context.Name.Name, context.InstanceId))
        using (InvocationDurableTaskClient.Bind(client))
        {
            return await activity.RunAsync(context, input);
        }
    }
}
