using Durable;

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
        var plan = await context.CallActivityAsync<RolloutPlan>(RolloutActivities.LoadPlan, deploymentId);
        return await new RolloutRun(context, plan).RunAsync();
    }
}
