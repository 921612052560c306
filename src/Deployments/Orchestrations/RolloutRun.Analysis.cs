using Deployments.Model;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations;

/// <summary>
/// Analysis inside a rollout. Each run is a sub-orchestration (<see cref="AnalysisOrchestrator"/>) with a fixed
/// instance id: a step's gate is awaited like any other work, so commands still land while it measures; background
/// analysis is watched by every wait, so its failure ends the rollout wherever it is.
/// </summary>
internal sealed partial class RolloutRun
{
    private static readonly Task Never = new TaskCompletionSource().Task;

    private Task<AnalysisVerdict>? background;
    private bool backgroundHandled;
    private string? runningGate;

    /// <summary>The background run while its verdict is still to be acted on; a task that never completes otherwise.</summary>
    private Task BackgroundWatch => background is { } run && !backgroundHandled ? run : Never;

    private void StartBackgroundAnalysis()
    {
        if (Options.Analysis is not { } gate || background is not null)
        {
            return;
        }

        background = StartAnalysis("background", AnalysisKind.Background, null, gate);
    }

    /// <summary>Runs a step's gate. True when the step is decided (by the analysis or by a person meanwhile), so it needs no manual promotion.</summary>
    private async Task<bool> RunStepAnalysisAsync(int index, AnalysisGate gate)
    {
        var step = index + 1;
        var runId = $"step-{step}";
        var run = StartAnalysis(runId, AnalysisKind.Step, step, gate);
        runningGate = runId;
        await UpdateAsync("analysis-started", $"Analysis of step {step} started ({string.Join(", ", gate.Templates)})", null, StatusDescriptions.AnalyzingStep(step, plan.Steps.Count));
        continueRequested = false;
        while (!run.IsCompleted)
        {
            await WaitAsync(run, wakeOnCommand: true);
            if (!run.IsCompleted && (continueRequested || promoteAll || AllGroupsPromoted()))
            {
                // A person decided before the analysis did: the run stops (recorded as stopped) and the step goes on.
                context.SendEvent(AnalysisActivities.InstanceId(plan.DeploymentId, runId), AnalysisActivities.StopEvent, "promoted before the analysis decided");
                await GuardedAsync(run);
            }
        }

        runningGate = null;
        var verdict = await run;
        switch (verdict.Phase)
        {
            case AnalysisPhase.Failed:
                throw new RolloutStopped(DeploymentStatus.Failed, StatusDescriptions.FailedAnalysis, "analysis", $"Analysis of step {step} failed: {verdict.Message}", restorePrevious: false);
            case AnalysisPhase.Inconclusive:
                await HoldAfterInconclusiveAsync($"step {step} of {plan.Steps.Count}", verdict.Message);
                break;
        }

        return true;
    }

    /// <summary>Acts on the background run's verdict the moment it arrives: a failure ends the rollout, an inconclusive run holds it for a person.</summary>
    private async Task OnBackgroundVerdictAsync()
    {
        backgroundHandled = true;
        var verdict = await background!;
        switch (verdict.Phase)
        {
            case AnalysisPhase.Failed:
                throw new RolloutStopped(DeploymentStatus.Failed, StatusDescriptions.FailedAnalysis, "analysis", $"Background analysis failed: {verdict.Message}", restorePrevious: false);
            case AnalysisPhase.Inconclusive:
                await HoldAfterInconclusiveAsync("background analysis", verdict.Message);
                break;
        }
    }

    /// <summary>At promotion the background run has done its job: it is stopped and its end awaited, so its record says so.</summary>
    private async Task StopBackgroundAnalysisAsync()
    {
        if (background is not { } run || backgroundHandled || run.IsCompleted)
        {
            return;
        }

        context.SendEvent(AnalysisActivities.InstanceId(plan.DeploymentId, "background"), AnalysisActivities.StopEvent, "the canary was promoted");
        await GuardedAsync(BackgroundWatch);
        if (!backgroundHandled)
        {
            await OnBackgroundVerdictAsync();
        }
    }

    /// <summary>The rollout ends (failed, cancelled): runs still measuring are told to stop; nothing waits for them.</summary>
    private void StopRunningAnalyses(string reason)
    {
        if (runningGate is { } gate)
        {
            context.SendEvent(AnalysisActivities.InstanceId(plan.DeploymentId, gate), AnalysisActivities.StopEvent, reason);
        }

        if (background is { IsCompleted: false })
        {
            context.SendEvent(AnalysisActivities.InstanceId(plan.DeploymentId, "background"), AnalysisActivities.StopEvent, reason);
        }
    }

    /// <summary>An inconclusive analysis: the rollout holds, listed as needing attention, until a person promotes (or continues) or fails it.</summary>
    private async Task HoldAfterInconclusiveAsync(string where, string message)
    {
        var waiting = StatusDescriptions.AnalysisInconclusiveAt(where);
        await UpdateAsync("awaiting-decision", $"{waiting}: {message}", null, waiting);
        continueRequested = false;
        while (!continueRequested && !promoteAll && !AllGroupsPromoted())
        {
            await WaitAsync(Never, wakeOnCommand: true);
        }

        await UpdateAsync("resumed", $"Continued after the inconclusive {where}", null, StatusDescriptions.Running);
    }

    private Task<AnalysisVerdict> StartAnalysis(string runId, AnalysisKind kind, int? step, AnalysisGate gate) =>
        context.CallSubOrchestratorAsync<AnalysisVerdict>(AnalysisOrchestrator.Name,
            new AnalysisRequest(plan.DeploymentId, runId, kind, step, gate, plan.StableRevision),
            new SubOrchestrationOptions { InstanceId = AnalysisActivities.InstanceId(plan.DeploymentId, runId) });
}
