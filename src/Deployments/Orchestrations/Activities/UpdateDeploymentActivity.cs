using Deployments.Notifications;
using Deployments.Rules;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>
/// Records a rollout's progress or status change with its timeline entry. The status only moves where
/// the transitions allow (a user's pause is not undone by progress), and a repeated update is ignored.
/// </summary>
public sealed class UpdateDeploymentActivity(DeploymentStore deployments, DeploymentNotifier notifier) : TaskActivity<DeploymentUpdate, bool>
{
    private const int RememberedUpdates = 32;

    public override async Task<bool> RunAsync(TaskActivityContext context, DeploymentUpdate update)
    {
        var statusChanged = false;
        var result = await deployments.UpdateAsync(update.DeploymentId, current =>
        {
            if (current.RecentUpdateIds.Contains(update.UpdateId))
            {
                return null;
            }

            var next = current with
            {
                Groups = update.Groups ?? current.Groups,
                CurrentStep = update.CurrentStep ?? current.CurrentStep,
                TotalSteps = update.TotalSteps ?? current.TotalSteps,
                RecentUpdateIds = [.. current.RecentUpdateIds.TakeLast(RememberedUpdates - 1), update.UpdateId],
            };
            if (update.Command is { } command)
            {
                var transition = DeploymentTransitions.Apply(current.Status, command);
                if (transition.Allowed)
                {
                    next = next with { Status = transition.To };
                }
            }

            // A user's pause stands: progress reported meanwhile does not overwrite its description.
            if (update.Description is { } description && next.Status != Model.DeploymentStatus.Paused)
            {
                next = next with { StatusDescription = description };
            }

            statusChanged = next.Status != current.Status;
            return new DeploymentChange(next, [(update.Actor, update.Kind, update.Message)]);
        }, CancellationToken.None);

        if (statusChanged)
        {
            await notifier.StatusChangedAsync(result, CancellationToken.None);
        }

        return statusChanged;
    }
}
