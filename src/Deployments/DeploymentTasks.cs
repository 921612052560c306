using Deployments.Notifications;
using Deployments.Orchestrations;
using Deployments.Orchestrations.Activities;

namespace Deployments;

/// <summary>
/// The domain's orchestrators and activities by the names they are called with. Each host registers them with
/// the engine it runs (the self-host's Durable Task Framework worker; Durable Functions, through the Functions
/// app's trigger functions), so the domain knows no engine.
/// </summary>
public static class DeploymentTasks
{
    /// <summary>Orchestrator classes by name.</summary>
    public static IReadOnlyDictionary<string, Type> Orchestrators { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [RolloutOrchestrator.Name] = typeof(RolloutOrchestrator),
        [NotifySubscribersOrchestrator.Name] = typeof(NotifySubscribersOrchestrator),
        [EnvironmentPromotionOrchestrator.Name] = typeof(EnvironmentPromotionOrchestrator),
        [RetireSourceOrchestrator.Name] = typeof(RetireSourceOrchestrator),
        [ScaleDownOrchestrator.Name] = typeof(ScaleDownOrchestrator),
        [AnalysisOrchestrator.Name] = typeof(AnalysisOrchestrator),
    };

    /// <summary>Activity classes by name.</summary>
    public static IReadOnlyDictionary<string, Type> Activities { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [PromotionActivities.ApplyEnvironmentPromotion] = typeof(ApplyEnvironmentPromotionActivity),
        [PromotionActivities.NoteApproval] = typeof(NoteApprovalActivity),
        [PromotionActivities.RetireApp] = typeof(RetireAppActivity),
        [RolloutActivities.LoadPlan] = typeof(LoadRolloutPlanActivity),
        [RolloutActivities.Update] = typeof(UpdateDeploymentActivity),
        [RolloutActivities.Place] = typeof(PlaceAllocationsActivity),
        [RolloutActivities.Stop] = typeof(StopAllocationsActivity),
        [RolloutActivities.CheckHealth] = typeof(CheckAllocationHealthActivity),
        [RolloutActivities.Complete] = typeof(CompleteRolloutActivity),
        [RolloutActivities.StartRollback] = typeof(StartRollbackActivity),
        [RolloutActivities.IsFinished] = typeof(IsDeploymentFinishedActivity),
        [AnalysisActivities.Start] = typeof(StartAnalysisActivity),
        [AnalysisActivities.Measure] = typeof(MeasureMetricActivity),
        [AnalysisActivities.Finish] = typeof(FinishAnalysisActivity),
        [NotifySubscribersOrchestrator.ListActivity] = typeof(ListSubscribersActivity),
        [NotifySubscribersOrchestrator.DeliverActivity] = typeof(DeliverNotificationActivity),
    };
}
