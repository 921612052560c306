using Deployments.Model;
using Deployments.Notifications;
using Deployments.Rules;
using Deployments.Storage;
using Deployments.Telemetry;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>
/// Records a rollout's progress or status change with its timeline entry. The status only moves where
/// the transitions allow (a user's pause is not undone by progress), and a repeated update is ignored.
/// </summary>
/// <remarks>
/// This is where a deployment's terminal status is written, so it is where <c>deployments.finished</c> is counted:
/// only by the run whose guarded write changed the status. Activities run at least once, but a second run finds
/// its update id already applied and writes nothing, and a terminal status accepts no further command, so the
/// count is exactly once, short of a crash between the write and the count, which loses one (at most once).
/// Counting in the orchestrator behind <c>!context.IsReplaying</c> would count twice instead: an episode whose
/// checkpoint fails to commit runs again with the same events still new.
/// </remarks>
public sealed class UpdateDeploymentActivity(DeploymentStore deployments, DeploymentNotifier notifier, DeploymentMetrics metrics) : TaskActivity<DeploymentUpdate, bool>
{
    /// <summary>Applies the update once and returns whether this run changed the deployment's status.</summary>
    public override async Task<bool> RunAsync(TaskActivityContext context, DeploymentUpdate update)
    {
        var statusChanged = false;
        var appliedBefore = false;
        var result = await deployments.UpdateAsync(update.DeploymentId, current =>
        {
            // Decided afresh on every attempt: an attempt that lost the race to a concurrent run of this same update
            // ends by finding its id applied, and must not report the change the other run made.
            statusChanged = false;
            appliedBefore = current.HasApplied(update.UpdateId);
            if (appliedBefore)
            {
                return null;
            }

            var next = current.Applying(update.UpdateId) with
            {
                Groups = update.Groups ?? current.Groups,
                CurrentStep = update.CurrentStep ?? current.CurrentStep,
                TotalSteps = update.TotalSteps ?? current.TotalSteps,
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
            if (result.Status.IsTerminal())
            {
                metrics.Finished(result);
            }

            await notifier.StatusChangedAsync(result, CancellationToken.None);
        }
        else if (appliedBefore && update.Command is not null)
        {
            // An earlier run wrote this status change and may have died before announcing it. The notifier sends each
            // state of the record once (keyed by its modify index), so announcing again loses nothing and doubles nothing.
            await notifier.StatusChangedAsync(result, CancellationToken.None);
        }

        return statusChanged;
    }
}
