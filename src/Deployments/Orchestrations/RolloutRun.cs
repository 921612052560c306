using Deployments.Model;
using Deployments.Rules;
using Deployments.Service;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations;

/// <summary>
/// The state of one rollout while its orchestrator runs: which allocations are new and old per group,
/// which commands arrived, and the deadlines. Every wait goes through <see cref="WaitAsync"/>, so a
/// pause, fail or cancel is honoured at any point.
/// </summary>
internal sealed partial class RolloutRun
{
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromSeconds(1);

    private readonly TaskOrchestrationContext context;
    private RolloutPlan plan;
    private readonly Dictionary<string, List<PlannedAllocation>> fresh = [];
    private readonly Dictionary<string, List<PlannedAllocation>> old = [];
    private readonly HashSet<string> promotedGroups = [];
    private Task<RolloutCommand> nextCommand;
    private bool promoteAll;
    private bool continueRequested;
    private DateTime progressDeadline;
    private DateTime healthyDeadline;
    private bool behindSuperseded;
    private DeterministicIds? ids;

    public RolloutRun(TaskOrchestrationContext context, RolloutPlan plan)
    {
        this.context = context;
        Track(plan);
        behindSuperseded = plan.WaitForDeploymentId is not null;
        nextCommand = context.WaitForExternalEvent<RolloutCommand>(RolloutActivities.CommandEvent);
        progressDeadline = context.CurrentUtcDateTime + plan.Options.ProgressDeadline;
    }

    private DeploymentOptions Options => plan.Options;

    public async Task<RolloutOutcome> RunAsync()
    {
        try
        {
            if (behindSuperseded)
            {
                await WaitForSupersededAsync();
                await ReloadAfterSupersededAsync();
            }

            await UpdateAsync("started", $"Rolling out revision {plan.Revision}", DeploymentCommand.Start, StatusDescriptions.Running);
            if (plan.Strategy == Strategy.Canary && !plan.Instant)
            {
                StartBackgroundAnalysis();
                await RunCanaryStepsAsync();
                await StopBackgroundAnalysisAsync();

                // Past its last step every canary is promoted, whether by hand, by auto-promote or by timed pauses.
                promoteAll = true;
            }

            var keepOld = Options.ScaleDownDelay > TimeSpan.Zero;
            foreach (var group in plan.Desired.Keys)
            {
                await ScaleAsync(group, plan.Desired[group], keepOld ? old[group].Count : 0, canary: false);
            }

            await VerifyAllHealthyAsync();
            await context.CallActivityAsync(RolloutActivities.Complete, plan.DeploymentId);
            await UpdateAsync("succeeded", $"Revision {plan.Revision} is live", DeploymentCommand.Succeed, StatusDescriptions.Successful, step: plan.Steps.Count);
            if (keepOld)
            {
                // Old instances stay up for a while so a rollback in this window needs no new placements.
                await context.CreateTimer(Options.ScaleDownDelay, CancellationToken.None);
                var remaining = old.Values.SelectMany(a => a).ToList();
                var owners = remaining.Where(a => a.Owner is not null).ToDictionary(a => a.Id, a => a.Owner!.Value);
                await context.CallActivityAsync(RolloutActivities.Stop, new StopRequest(plan.DeploymentId, plan.AppId, [.. remaining.Select(a => a.Id)], "scale-down delay passed", owners));
            }

            return new RolloutOutcome(DeploymentStatus.Successful, StatusDescriptions.Successful);
        }
        catch (RolloutStopped stopped)
        {
            return await EndAsync(stopped);
        }
        catch (ContinueAsNewRequested)
        {
            // Commands not yet received travel with the new generation; none was taken from the queue unhandled.
            context.ContinueAsNew(plan.DeploymentId, preserveUnprocessedEvents: true);
            return new RolloutOutcome(DeploymentStatus.Pending, StatusDescriptions.Pending);
        }
        catch (TaskFailedException failure)
        {
            // A step that failed for good (the platform refused, the cluster's settings are wrong, the app is
            // gone) ends the deployment failed with the reason; left to fail the orchestration, the deployment
            // would say "running" forever and nobody would see why.
            return await EndAsync(new RolloutStopped(DeploymentStatus.Failed, StatusDescriptions.FailedStepError, "system",
                StatusDescriptions.StepFailed(failure.TaskName, failure.FailureDetails.ErrorMessage), restorePrevious: false));
        }
    }

    private async Task RunCanaryStepsAsync()
    {
        for (var index = 0; index < plan.Steps.Count && !promoteAll; index++)
        {
            var step = plan.Steps[index];
            foreach (var group in plan.Desired.Keys.Where(g => !promotedGroups.Contains(g)))
            {
                var desired = plan.Desired[group];
                await ScaleAsync(group, CanaryMath.Canaries(desired, step.InstanceWeight), CanaryMath.OldInstances(desired, step.InstanceWeight), canary: step.InstanceWeight < 100);
            }

            await UpdateAsync("step", $"Canary step {index + 1} of {plan.Steps.Count} ({step.InstanceWeight}%) is healthy", null, null, step: index + 1);
            var analysed = step.Analysis is { } gate && !promoteAll && await RunStepAnalysisAsync(index, gate);
            if (step.InstanceWeight < 100 && !AllGroupsPromoted())
            {
                await PauseAfterStepAsync(index, step, analysed);
            }
        }
    }

    /// <summary>A timed pause runs whatever happened before; otherwise a step its analysis decided, or an auto-promoted one, goes on at once.</summary>
    private async Task PauseAfterStepAsync(int index, CanaryStep step, bool analysed)
    {
        continueRequested = false;
        if (step.Pause is { } duration)
        {
            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(duration, cancelTimer.Token);
            await UpdateAsync("paused", StatusDescriptions.PausedForDuration(index + 1, plan.Steps.Count, duration), null, StatusDescriptions.PausedForDuration(index + 1, plan.Steps.Count, duration));
            while (await WaitAsync(timer, wakeOnCommand: true) && !continueRequested && !promoteAll && !AllGroupsPromoted())
            {
            }

            CancelIfPending(cancelTimer, timer);
            await UpdateAsync("resumed", $"Continuing after step {index + 1}", null, StatusDescriptions.Running);
            return;
        }

        if (Options.AutoPromote || analysed)
        {
            return;
        }

        var waiting = StatusDescriptions.RequiresPromotionAtStep(index + 1, plan.Steps.Count);
        await UpdateAsync("awaiting-promotion", waiting, null, waiting);
        while (!continueRequested && !promoteAll && !AllGroupsPromoted())
        {
            await WaitAsync(Never, wakeOnCommand: true);
            foreach (var group in promotedGroups.Where(g => fresh[g].Count < plan.Desired[g]).ToList())
            {
                await ScaleAsync(group, plan.Desired[group], 0, canary: false);
            }
        }

        await UpdateAsync("resumed", continueRequested ? $"Continued after step {index + 1}" : "Promoted", null, StatusDescriptions.Running);
    }

    /// <summary>Moves a group to the target counts: new instances in batches of max_in_flight, each batch healthy before old ones go.</summary>
    private async Task ScaleAsync(string group, int newTarget, int oldTarget, bool canary)
    {
        var mine = fresh[group];
        var theirs = old[group];
        var batchSize = plan.Instant ? int.MaxValue : Options.MaxInFlight;
        while (mine.Count < newTarget)
        {
            var count = Math.Min(batchSize, newTarget - mine.Count);
            var batch = Enumerable.Range(0, count).Select(_ => new PlannedAllocation(NextId(), group, plan.Revision, canary)).ToList();
            await GuardedAsync(context.CallActivityAsync(RolloutActivities.Place, new PlaceRequest(plan.DeploymentId, plan.AppId, plan.Revision, batch)));
            mine.AddRange(batch);
            await ReportAsync();
            await WaitHealthyAsync(group, batch);
            await StopOldAsync(group, Math.Min(batch.Count, theirs.Count - oldTarget));
            await ReportAsync();
        }

        await StopOldAsync(group, theirs.Count - oldTarget);
        if (!canary && mine.Count > newTarget)
        {
            // The same revision deployed with fewer instances: the surplus goes (canary steps never shrink it).
            var surplus = mine.Skip(newTarget).ToList();
            await GuardedAsync(context.CallActivityAsync(RolloutActivities.Stop, new StopRequest(plan.DeploymentId, plan.AppId, [.. surplus.Select(a => a.Id)], "scaled down")));
            mine.RemoveRange(newTarget, surplus.Count);
            await ReportAsync();
        }
    }

    /// <summary>
    /// Health proven earlier is not taken on trust at the end: a host may have restarted meanwhile and
    /// instances may be gone. One last check of every new instance; lost ones are replaced.
    /// </summary>
    private async Task VerifyAllHealthyAsync()
    {
        foreach (var group in plan.Desired.Keys.Where(g => fresh[g].Count > 0))
        {
            await WaitHealthyAsync(group, [.. fresh[group]]);
        }
    }

    private async Task StopOldAsync(string group, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var theirs = old[group];
        var leaving = theirs.Take(count).ToList();
        await GuardedAsync(context.CallActivityAsync(RolloutActivities.Stop, new StopRequest(plan.DeploymentId, plan.AppId, [.. leaving.Select(a => a.Id)], "replaced")));
        theirs.RemoveRange(0, leaving.Count);
    }

    private async Task WaitHealthyAsync(string group, List<PlannedAllocation> batch)
    {
        healthyDeadline = context.CurrentUtcDateTime + Options.HealthyDeadline;
        while (true)
        {
            var health = await GuardedAsync(context.CallActivityAsync<HealthSummary>(RolloutActivities.CheckHealth,
                new HealthRequest(plan.DeploymentId, plan.AppId, [.. batch.Select(a => a.Id)], Options.MinHealthyTime, Options.HealthCheck == HealthCheckMode.Manual)));
            if (health.Lost.Count > 0)
            {
                await ReplaceLostAsync(group, batch, health.Lost);
                continue;
            }

            if (health.AllHealthy(batch.Count))
            {
                progressDeadline = context.CurrentUtcDateTime + Options.ProgressDeadline;
                return;
            }

            if (context.CurrentUtcDateTime >= progressDeadline)
            {
                throw new RolloutStopped(DeploymentStatus.Failed, StatusDescriptions.FailedProgressDeadline, "system", null, restorePrevious: false);
            }

            if (context.CurrentUtcDateTime >= healthyDeadline)
            {
                throw new RolloutStopped(DeploymentStatus.Failed, StatusDescriptions.FailedUnhealthy, "system", $"{health.Unhealthy + health.Pending} of {batch.Count} allocations of group {group} did not become healthy", restorePrevious: false);
            }

            using var cancelTimer = new CancellationTokenSource();
            var poll = context.CreateTimer(HealthPollInterval, cancelTimer.Token);
            await WaitAsync(poll, wakeOnCommand: true);
            CancelIfPending(cancelTimer, poll);
        }
    }

    /// <summary>An allocation that vanished (its process or host is gone) is replaced, never counted healthy.</summary>
    private async Task ReplaceLostAsync(string group, List<PlannedAllocation> batch, IReadOnlyList<Guid> lost)
    {
        var replacements = batch.Where(a => lost.Contains(a.Id)).Select(a => a with { Id = NextId() }).ToList();
        await GuardedAsync(context.CallActivityAsync(RolloutActivities.Stop, new StopRequest(plan.DeploymentId, plan.AppId, lost, "lost")));
        await GuardedAsync(context.CallActivityAsync(RolloutActivities.Place, new PlaceRequest(plan.DeploymentId, plan.AppId, plan.Revision, replacements)));
        batch.RemoveAll(a => lost.Contains(a.Id));
        batch.AddRange(replacements);
        fresh[group].RemoveAll(a => lost.Contains(a.Id));
        fresh[group].AddRange(replacements);
    }

    private async Task<RolloutOutcome> EndAsync(RolloutStopped stopped)
    {
        StopRunningAnalyses(stopped.Reason ?? stopped.Description);
        if (behindSuperseded)
        {
            // Stopped before it acted: it still ends only after the deployment it superseded, so that a newer
            // one (waiting for this one) never acts while that one still does.
            await DrainSupersededAsync();
            await ReloadAfterSupersededAsync();
        }

        if (stopped.Status == DeploymentStatus.Cancelled)
        {
            if (stopped.RestorePrevious)
            {
                await RestorePreviousAsync();
            }

            await UpdateAsync("cancelled", stopped.Reason ?? stopped.Description, DeploymentCommand.Cancel, stopped.Description, actor: stopped.Actor);
            return new RolloutOutcome(DeploymentStatus.Cancelled, stopped.Description);
        }

        var revertTo = Options.AutoRevert && plan.StableRevision is { } stable && stable != plan.Revision ? stable : (int?)null;
        var description = revertTo is { } revision ? StatusDescriptions.RollingBack(stopped.Description, revision) : stopped.Description;
        await UpdateAsync("failed", stopped.Reason ?? description, DeploymentCommand.Fail, description, actor: stopped.Actor);
        if (revertTo is { } target)
        {
            var rollback = await context.CallActivityAsync<Guid>(RolloutActivities.StartRollback, new RollbackRequest(plan.AppId, target, plan.DeploymentId, description));
            await UpdateAsync("rollback-started", $"Rollback to revision {target} started as deployment {rollback:N}", null, null);
            return new RolloutOutcome(DeploymentStatus.Failed, description, rollback);
        }

        return new RolloutOutcome(DeploymentStatus.Failed, description);
    }

    /// <summary>Awaits work; a command arriving meanwhile is handled, and the work is awaited again.</summary>
    private async Task<T> GuardedAsync<T>(Task<T> work)
    {
        await WaitAsync(work, wakeOnCommand: false);
        return await work;
    }

    private async Task GuardedAsync(Task work) => await WaitAsync(work, wakeOnCommand: false);

    /// <summary>Waits for work or a command. Returns true when a command woke it (if asked to wake), false when the work finished.</summary>
    private async Task<bool> WaitAsync(Task work, bool wakeOnCommand)
    {
        while (true)
        {
            var first = await Task.WhenAny(work, nextCommand, BackgroundWatch);
            if (first == work)
            {
                await work;
                return false;
            }

            if (first != nextCommand)
            {
                await OnBackgroundVerdictAsync();
                if (wakeOnCommand)
                {
                    return true;
                }

                continue;
            }

            var command = await nextCommand;
            nextCommand = context.WaitForExternalEvent<RolloutCommand>(RolloutActivities.CommandEvent);
            await HandleAsync(command);
            if (wakeOnCommand)
            {
                return true;
            }
        }
    }

    private async Task HandleAsync(RolloutCommand command)
    {
        switch (command.Kind)
        {
            case DeploymentCommandKind.Pause:
                await HoldWhilePausedAsync();
                break;
            case DeploymentCommandKind.Promote when command.Groups is { Count: > 0 } groups:
                promotedGroups.UnionWith(groups.Where(plan.Desired.ContainsKey));
                break;
            case DeploymentCommandKind.Promote:
                promoteAll = true;
                break;
            case DeploymentCommandKind.Continue:
                continueRequested = true;
                break;
            case DeploymentCommandKind.Fail:
                throw new RolloutStopped(DeploymentStatus.Failed, StatusDescriptions.FailedByUser, command.Actor, command.Reason, restorePrevious: false);
            case DeploymentCommandKind.Cancel:
                throw new RolloutStopped(DeploymentStatus.Cancelled, StatusDescriptions.CancelledByUser, command.Actor, command.Reason, restorePrevious: true);
            case DeploymentCommandKind.Supersede:
                throw new RolloutStopped(DeploymentStatus.Cancelled, StatusDescriptions.CancelledNewer, command.Actor, command.Reason, restorePrevious: false);
            case DeploymentCommandKind.MarkedUnhealthy:
                throw new RolloutStopped(DeploymentStatus.Failed, StatusDescriptions.FailedUnhealthy, command.Actor, command.Reason, restorePrevious: false);
        }
    }

    /// <summary>Paused: only resume, fail or cancel count; the time spent here does not count against the deadlines.</summary>
    private async Task HoldWhilePausedAsync()
    {
        var pausedAt = context.CurrentUtcDateTime;
        while (true)
        {
            var command = await nextCommand;
            nextCommand = context.WaitForExternalEvent<RolloutCommand>(RolloutActivities.CommandEvent);
            if (command.Kind == DeploymentCommandKind.Resume)
            {
                var paused = context.CurrentUtcDateTime - pausedAt;
                progressDeadline += paused;
                healthyDeadline += paused;
                return;
            }

            if (command.Kind is DeploymentCommandKind.Fail or DeploymentCommandKind.Cancel or DeploymentCommandKind.Supersede or DeploymentCommandKind.MarkedUnhealthy)
            {
                await HandleAsync(command);
            }
        }
    }

    private bool AllGroupsPromoted() => plan.Desired.Keys.All(promotedGroups.Contains);

    private Task ReportAsync() => UpdateAsync("progress", "Allocations updated", null, null);

    private async Task UpdateAsync(string kind, string message, DeploymentCommand? command, string? description, int? step = null, string actor = "system")
    {
        var groups = plan.Desired.Keys.ToDictionary(g => g, g => new GroupState(
            plan.Desired[g], fresh[g].Count, fresh[g].Count, 0, fresh[g].Count(a => a.Canary), promoteAll || promotedGroups.Contains(g)));
        var update = new DeploymentUpdate(plan.DeploymentId, NextId(), kind, message, command, description, groups, step,
            plan.Strategy == Strategy.Canary && !plan.Instant ? plan.Steps.Count : 0, actor);
        await context.CallActivityAsync(RolloutActivities.Update, update);
    }

    /// <summary>
    /// The id of the next update or allocation, the same for every run of this history. A plan from before
    /// <see cref="RolloutPlan.IdSeed"/> existed (an orchestration in flight across an upgrade) keeps the SDK's ids.
    /// </summary>
    private Guid NextId() => ids?.Next() ?? context.NewGuid();

    /// <summary>Nothing has happened yet but waiting: the rollout starts again as a new generation of itself.</summary>
    private sealed class ContinueAsNewRequested : Exception;

    private static void CancelIfPending(CancellationTokenSource source, Task timer)
    {
        if (!timer.IsCompleted)
        {
#pragma warning disable CA1849 // Synchronous on purpose: CancelAsync would complete the timer outside the replay scheduler.
            source.Cancel();
#pragma warning restore CA1849
        }
    }
}
