using Deployments.Model;
using Deployments.Rules;
using Deployments.Service;
using Deployments.Telemetry;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations;

/// <summary>
/// One per deployment: rolls its app to the new revision (rolling or canary), reacting to commands at
/// every wait. Each step is an idempotent activity, so a crash anywhere resumes from the last checkpoint.
/// </summary>
public sealed class RolloutOrchestrator : TaskOrchestrator<Guid, RolloutOutcome>
{
    /// <summary>Name the orchestration is registered and scheduled under.</summary>
    public const string Name = WorkflowNames.Rollout;

    /// <summary>Rolls out the deployment with this id and reports how it ended.</summary>
    public override async Task<RolloutOutcome> RunAsync(TaskOrchestrationContext context, Guid deploymentId)
    {
        var logger = context.CreateReplaySafeLogger<RolloutOrchestrator>();
        using var scope = DeploymentLogScope.Begin(logger, deploymentId);
        RolloutPlan plan;
        try
        {
            plan = await context.CallActivityAsync<RolloutPlan>(RolloutActivities.LoadPlan, deploymentId);
        }
        catch (TaskFailedException failure)
        {
            // Nothing can be rolled out (the app is gone, say): the deployment ends failed with the reason
            // rather than staying pending behind a failed orchestration.
            var reason = StatusDescriptions.StepFailed(failure.TaskName, failure.FailureDetails.ErrorMessage);
            OrchestrationLog.PlanFailed(logger, reason);
            await context.CallActivityAsync(RolloutActivities.Update, new DeploymentUpdate(deploymentId, DeterministicIds.From(deploymentId, "plan-failed"), "failed", reason,
                DeploymentCommand.Fail, StatusDescriptions.FailedStepError));
            return new RolloutOutcome(DeploymentStatus.Failed, StatusDescriptions.FailedStepError);
        }

        OrchestrationLog.RolloutStarted(logger, plan.Revision, plan.Strategy);
        var outcome = await new RolloutRun(context, plan).RunAsync();
        if (outcome.Status == DeploymentStatus.Pending)
        {
            OrchestrationLog.ContinuedAsNew(logger);
        }
        else
        {
            OrchestrationLog.RolloutEnded(logger, outcome.Status, outcome.Description);
        }

        return outcome;
    }
}
