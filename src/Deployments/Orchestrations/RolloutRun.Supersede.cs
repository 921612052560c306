using System.Diagnostics.CodeAnalysis;
using Deployments.Rules;
using Deployments.Service;

namespace Deployments.Orchestrations;

/// <summary>
/// What runs when a rollout starts, and what a cancel puts back. A rollout created while another of its app
/// was under way supersedes it: it waits for that one to end, reads what runs again, and treats that one's
/// instances as the first to go; a cancel, at any point of such a chain, leaves the app's stable revision only.
/// </summary>
internal sealed partial class RolloutRun
{
    /// <summary>
    /// Splits what runs into this revision's instances and the others. Among the others, those of neither
    /// this revision nor the stable one (left by a superseded rollout) are the first to be stopped, so
    /// they never outlive the stable ones.
    /// </summary>
    [MemberNotNull(nameof(plan))]
    private void Track(RolloutPlan loaded)
    {
        plan = loaded;
        ids = loaded.IdSeed == Guid.Empty ? null : new DeterministicIds(loaded.IdSeed);
        foreach (var group in plan.Desired.Keys)
        {
            fresh[group] = [.. plan.Existing.Where(a => a.Group == group && a.Revision == plan.Revision)];
            old[group] = [.. plan.Existing.Where(a => a.Group == group && a.Revision != plan.Revision).OrderBy(a => a.Revision == plan.StableRevision ? 1 : 0)];
        }
    }

    /// <summary>
    /// What runs is read again once the superseded deployment has ended: the first snapshot was taken while
    /// it could still place instances, and an instance missing from it would run on, owned by nobody.
    /// </summary>
    private async Task ReloadAfterSupersededAsync()
    {
        behindSuperseded = false;
        Track(await context.CallActivityAsync<RolloutPlan>(RolloutActivities.LoadPlan, plan.DeploymentId));
    }

    private async Task WaitForSupersededAsync()
    {
        var previous = plan.WaitForDeploymentId!.Value;
        for (var polls = 0; !await context.CallActivityAsync<bool>(RolloutActivities.IsFinished, previous); polls++)
        {
            if (polls >= RolloutActivities.PollsPerGeneration && !nextCommand.IsCompleted)
            {
                throw new ContinueAsNewRequested();
            }

            using var cancelTimer = new CancellationTokenSource();
            var poll = context.CreateTimer(HealthPollInterval, cancelTimer.Token);
            await WaitAsync(poll, wakeOnCommand: true);
            CancelIfPending(cancelTimer, poll);
        }
    }

    /// <summary>Polls (commands no longer count) until the superseded deployment has ended, for a bounded time.</summary>
    private async Task DrainSupersededAsync()
    {
        var previous = plan.WaitForDeploymentId!.Value;
        for (var polls = 0; polls < RolloutActivities.PollsPerGeneration && !await context.CallActivityAsync<bool>(RolloutActivities.IsFinished, previous); polls++)
        {
            await context.CreateTimer(HealthPollInterval, CancellationToken.None);
        }
    }

    /// <summary>
    /// Cancelling puts back what ran before any deployment still in flight: the app's stable revision at the
    /// app's counts. It is the stable revision, not this deployment's previous one, because a superseded
    /// rollout never became stable; its instances, and this deployment's, are stopped. Nothing was stable
    /// (the app's first deployment): nothing runs.
    /// </summary>
    private async Task RestorePreviousAsync()
    {
        foreach (var group in plan.Desired.Keys)
        {
            var running = fresh[group].Concat(old[group]).ToList();
            var count = plan.StableCounts?.GetValueOrDefault(group) ?? plan.Desired[group];
            var kept = plan.StableRevision is { } stable ? running.Where(a => a.Revision == stable).Take(count).ToList() : [];
            if (plan.StableRevision is { } revision && count > kept.Count)
            {
                var restored = Enumerable.Range(0, count - kept.Count).Select(_ => new PlannedAllocation(NextId(), group, revision, false)).ToList();
                await context.CallActivityAsync(RolloutActivities.Place, new PlaceRequest(plan.DeploymentId, plan.AppId, revision, restored));
                kept.AddRange(restored);
            }

            var leaving = running.Where(a => !kept.Contains(a)).Select(a => a.Id).ToList();
            if (leaving.Count > 0)
            {
                await context.CallActivityAsync(RolloutActivities.Stop, new StopRequest(plan.DeploymentId, plan.AppId, leaving, "deployment cancelled"));
            }

            fresh[group].Clear();
            old[group] = kept;
        }
    }
}
