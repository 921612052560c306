using Microsoft.DurableTask;

namespace Deployments.Orchestrations;

/// <summary>After a promotion to another cluster succeeds, removes the source app (no state is migrated).</summary>
public sealed class RetireSourceOrchestrator : TaskOrchestrator<RetireSource, bool>
{
    public const string Name = "RetireSourceAfterPromotion";

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public override async Task<bool> RunAsync(TaskOrchestrationContext context, RetireSource input)
    {
        while (!await context.CallActivityAsync<bool>(RolloutActivities.IsFinished, input.NewDeploymentId))
        {
            await context.CreateTimer(PollInterval, CancellationToken.None);
        }

        return await context.CallActivityAsync<bool>(PromotionActivities.RetireApp, input);
    }
}
