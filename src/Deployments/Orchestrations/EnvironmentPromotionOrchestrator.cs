using Deployments.Service;
using Deployments.Telemetry;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations;

/// <summary>
/// Promotion into an environment that requires approval: waits durably for an approve or reject (for
/// as long as it takes, or until the environment's expiry), then makes the deployment live.
/// </summary>
public sealed class EnvironmentPromotionOrchestrator : TaskOrchestrator<EnvironmentPromotion, EnvironmentPromotionOutcome>
{
    /// <summary>Name the orchestration is registered and scheduled under.</summary>
    public const string Name = WorkflowNames.EnvironmentPromotion;

    /// <summary>Id of the promotion instance of a deployment: one waiting promotion per deployment.</summary>
    public static string InstanceIdFor(Guid deploymentId) => WorkflowNames.EnvironmentPromotionInstanceId(deploymentId);

    /// <summary>Waits for the decision, then applies the promotion or reports why it was not applied.</summary>
    public override async Task<EnvironmentPromotionOutcome> RunAsync(TaskOrchestrationContext context, EnvironmentPromotion input)
    {
        var logger = context.CreateReplaySafeLogger<EnvironmentPromotionOrchestrator>();
        using var scope = DeploymentLogScope.Begin(logger, input.DeploymentId);
        await context.CallActivityAsync(PromotionActivities.NoteApproval, input.AwaitingApproval());
        OrchestrationLog.AwaitingApproval(logger, input.Environment);
        ApprovalDecision decision;
        try
        {
            decision = input.Expiry is { } expiry
                ? await context.WaitForExternalEvent<ApprovalDecision>(WorkflowNames.ApprovalEvent, expiry)
                : await context.WaitForExternalEvent<ApprovalDecision>(WorkflowNames.ApprovalEvent);
        }
        catch (TaskCanceledException)
        {
            await context.CallActivityAsync(PromotionActivities.NoteApproval, new ApprovalNote(input.PromotionId, input.DeploymentId, null, "system", "approval-expired",
                $"Promotion to {input.Environment} expired without approval"));
            OrchestrationLog.PromotionExpired(logger, input.Environment);
            return new EnvironmentPromotionOutcome(false, null, false, Model.StatusDescriptions.ApprovalExpired);
        }

        if (!decision.Approved)
        {
            await context.CallActivityAsync(PromotionActivities.NoteApproval, new ApprovalNote(input.PromotionId, input.DeploymentId, null, decision.Actor, "rejected",
                $"Promotion to {input.Environment} rejected by {decision.Actor}" + (decision.Reason is null ? "" : $": {decision.Reason}")));
            OrchestrationLog.PromotionDecided(logger, input.Environment, "rejected", decision.Actor);
            return new EnvironmentPromotionOutcome(false, null, false, Model.StatusDescriptions.Rejected);
        }

        await context.CallActivityAsync(PromotionActivities.NoteApproval, new ApprovalNote(input.PromotionId, input.DeploymentId, null, decision.Actor, "approved",
            $"Promotion to {input.Environment} approved by {decision.Actor}"));
        OrchestrationLog.PromotionDecided(logger, input.Environment, "approved", decision.Actor);
        return await context.CallActivityAsync<EnvironmentPromotionOutcome>(PromotionActivities.ApplyEnvironmentPromotion, input);
    }
}
