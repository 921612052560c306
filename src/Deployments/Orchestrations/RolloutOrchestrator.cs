using Deployments.Model;
using Deployments.Rules;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations;

/// <summary>
/// One per deployment: rolls its app to the new revision (rolling or canary), reacting to commands at
/// every wait. Each step is an idempotent activity, so a crash anywhere resumes from the last checkpoint.
/// </summary>
public sealed class RolloutOrchestrator : TaskOrchestrator<Guid, RolloutOutcome>
{
    public const string Name = "Rollout";

    public override async Task<RolloutOutcome> RunAsync(TaskOrchestrationContext context, Guid deploymentId)
    {
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
            await context.CallActivityAsync(RolloutActivities.Update, new DeploymentUpdate(deploymentId, context.NewGuid(), "failed", reason,
                DeploymentCommand.Fail, StatusDescriptions.FailedStepError));
            return new RolloutOutcome(DeploymentStatus.Failed, StatusDescriptions.FailedStepError);
        }

        return await new RolloutRun(context, plan).RunAsync();
    }
}
