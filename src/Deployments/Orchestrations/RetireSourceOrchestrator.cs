using Deployments.Service;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations;

/// <summary>After a promotion to another cluster succeeds, removes the source app (no state is migrated).</summary>
public sealed class RetireSourceOrchestrator : TaskOrchestrator<RetireSource, bool>
{
    /// <summary>Name the orchestration is registered and scheduled under.</summary>
    public const string Name = WorkflowNames.RetireSource;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Waits for the promoted deployment to end, then retires the source app if it succeeded; returns whether the app was retired.</summary>
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, RetireSource input)
    {
        for (var polls = 0; !await context.CallActivityAsync<bool>(RolloutActivities.IsFinished, input.NewDeploymentId); polls++)
        {
            if (polls == RolloutActivities.PollsPerGeneration)
            {
                // The promoted rollout may wait days for a promotion: each generation's history stays short.
                context.ContinueAsNew(input);
                return false;
            }

            await context.CreateTimer(PollInterval, CancellationToken.None);
        }

        return await context.CallActivityAsync<bool>(PromotionActivities.RetireApp, input);
    }
}
