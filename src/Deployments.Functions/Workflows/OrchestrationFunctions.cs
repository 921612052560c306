using Deployments.Notifications;
using Deployments.Orchestrations;
using Deployments.Service;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Deployments.Functions.Workflows;

/// <summary>
/// The orchestrator functions Durable Functions runs: each hands its context to the orchestrator class the
/// self-host runs too (the SDK's class-based source generator is not available here, so these are its
/// wrappers, written out).
/// </summary>
public static class OrchestrationFunctions
{
    /// <summary>Runs <see cref="RolloutOrchestrator"/>, one per deployment: rolls its app to the new revision.</summary>
    [Function(RolloutOrchestrator.Name)]
    public static Task<RolloutOutcome> Rollout([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RolloutOrchestrator().RunAsync(context, context.GetInput<Guid>());

    /// <summary>Runs <see cref="EnvironmentPromotionOrchestrator"/>: waits for the approval a promotion needs, then makes the deployment live.</summary>
    [Function(EnvironmentPromotionOrchestrator.Name)]
    public static Task<EnvironmentPromotionOutcome> EnvironmentPromotion([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new EnvironmentPromotionOrchestrator().RunAsync(context, Input<EnvironmentPromotion>(context));

    /// <summary>Runs <see cref="RetireSourceOrchestrator"/>: removes the source app once its promotion to another cluster succeeded.</summary>
    [Function(RetireSourceOrchestrator.Name)]
    public static Task<bool> RetireSource([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetireSourceOrchestrator().RunAsync(context, Input<RetireSource>(context));

    /// <summary>Runs <see cref="ScaleDownOrchestrator"/>: stops a set of allocations, with retries, outside any request.</summary>
    [Function(ScaleDownOrchestrator.Name)]
    public static Task<int> ScaleDown([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ScaleDownOrchestrator().RunAsync(context, Input<StopRequest>(context));

    /// <summary>Runs <see cref="NotifySubscribersOrchestrator"/>: delivers one status change to every subscriber.</summary>
    [Function(NotifySubscribersOrchestrator.Name)]
    public static Task<int> NotifySubscribers([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new NotifySubscribersOrchestrator().RunAsync(context, Input<NotificationRequest>(context));

    /// <summary>Runs <see cref="AnalysisOrchestrator"/>: one analysis run of a deployment, measurement by measurement, to its verdict.</summary>
    [Function(AnalysisOrchestrator.Name)]
    public static Task<AnalysisVerdict> Analysis([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new AnalysisOrchestrator().RunAsync(context, Input<AnalysisRequest>(context));

    private static T Input<T>(TaskOrchestrationContext context) =>
        context.GetInput<T>() ?? throw new InvalidOperationException($"Orchestration {context.Name} ({context.InstanceId}) was started without its {typeof(T).Name}.");
}
