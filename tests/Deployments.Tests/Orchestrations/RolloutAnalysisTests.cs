using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Service;
using Microsoft.DurableTask;
using static Deployments.Tests.Orchestrations.RolloutPlanBuilder;
using static Deployments.Tests.Orchestrations.RolloutScript;

namespace Deployments.Tests.Orchestrations;

/// <summary>How a rollout acts on analysis verdicts: step gates, background analysis, and commands while a run measures.</summary>
public sealed class RolloutAnalysisTests
{
    private static readonly AnalysisGate Gate = new(["error-rate"]);
    private static readonly string StepRun = AnalysisActivities.InstanceId(DeploymentId, "step-1");
    private static readonly string BackgroundRun = AnalysisActivities.InstanceId(DeploymentId, "background");

    [Fact]
    public async Task Rollout_WhenAStepsAnalysisSucceeds_ContinuesWithoutWaitingForPromotion()
    {
        var context = Script(Canary(instances: 2, new CanaryStep(50, Analysis: Gate), new CanaryStep(100)).Build())
            .OnSubOrchestration<AnalysisRequest>(AnalysisOrchestrator.Name, _ => Verdict(AnalysisPhase.Successful, "metric error-rate succeeded 3 of 3 times"));

        var outcome = await Run(context);

        Assert.Equal(DeploymentStatus.Successful, outcome.Status);
        var request = Assert.Single(context.InputsOf<AnalysisRequest>(AnalysisOrchestrator.Name));
        Assert.Equal(("step-1", AnalysisKind.Step, 1, Gate, (int?)OldRevision), (request.RunId, request.Kind, request.Step, request.Gate, request.StableRevision));
        Assert.Equal(StepRun, ((SubOrchestrationOptions)context.CallsOf(AnalysisOrchestrator.Name).Single().Options!).InstanceId);
        Assert.Contains(Updates(context), u => u.Kind == "analysis-started" && u.Description == StatusDescriptions.AnalyzingStep(1, 2));
        Assert.DoesNotContain(Updates(context), u => u.Kind == "awaiting-promotion");
    }

    [Fact]
    public async Task Rollout_WhenAStepsAnalysisFails_FailsNamingTheMetricAndRevertsWithAutoRevert()
    {
        var context = Script(Canary(instances: 2, new CanaryStep(50, Analysis: Gate), new CanaryStep(100)).AutoRevert().Build())
            .OnSubOrchestration<AnalysisRequest>(AnalysisOrchestrator.Name, _ => Verdict(AnalysisPhase.Failed, "metric error-rate measured 0.5: failure condition result[0] >= 0.05 held 2 times"));

        var outcome = await Run(context);

        var description = StatusDescriptions.RollingBack(StatusDescriptions.FailedAnalysis, OldRevision);
        Assert.Equal(new RolloutOutcome(DeploymentStatus.Failed, description, RollbackId), outcome);
        var failed = Updates(context).Single(u => u.Kind == "failed");
        Assert.Equal("analysis", failed.Actor);
        Assert.Contains("metric error-rate measured 0.5", failed.Message, StringComparison.Ordinal);
        Assert.Empty(context.CallsOf(RolloutActivities.Complete));
    }

    [Fact]
    public async Task Rollout_WhenAStepsAnalysisIsInconclusive_HoldsUntilAPersonPromotes()
    {
        var context = Script(Canary(instances: 2, new CanaryStep(50, Analysis: Gate), new CanaryStep(100)).Build())
            .OnSubOrchestration<AnalysisRequest>(AnalysisOrchestrator.Name, _ => Verdict(AnalysisPhase.Inconclusive, "metric error-rate could not be measured"));

        var run = Run(context);

        Assert.False(run.IsCompleted, "an inconclusive analysis should hold the rollout for a person");
        var holding = Updates(context)[^1];
        Assert.Equal(("awaiting-decision", StatusDescriptions.AnalysisInconclusiveAt("step 1 of 2")), (holding.Kind, holding.Description));
        var outcome = await SendAsync(context, run, DeploymentCommandKind.Promote);
        Assert.Equal(DeploymentStatus.Successful, outcome.Status);
    }

    [Fact]
    public async Task Rollout_PromotedWhileAStepsAnalysisMeasures_StopsTheRunAndGoesOn()
    {
        var verdict = new TaskCompletionSource<AnalysisVerdict>();
        var context = Script(Canary(instances: 2, new CanaryStep(50, Analysis: Gate), new CanaryStep(100)).Build())
            .OnSubOrchestration<AnalysisRequest>(AnalysisOrchestrator.Name, _ => verdict.Task);
        var run = Run(context);
        Assert.False(run.IsCompleted, "the rollout should wait for its step's analysis");

        context.Raise(RolloutActivities.CommandEvent, new RolloutCommand(DeploymentCommandKind.Promote, "alice", null));
        Assert.Equal((StepRun, AnalysisActivities.StopEvent), (context.SentEvents.Single().InstanceId, context.SentEvents.Single().Name));
        verdict.SetResult(new AnalysisVerdict(AnalysisPhase.Stopped, "promoted before the analysis decided"));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DeploymentStatus.Successful, outcome.Status);
    }

    [Fact]
    public async Task Rollout_FailedWhileAStepsAnalysisMeasures_StopsTheRun()
    {
        var context = Script(Canary(instances: 2, new CanaryStep(50, Analysis: Gate), new CanaryStep(100)).Build())
            .OnSubOrchestration<AnalysisRequest>(AnalysisOrchestrator.Name, _ => new TaskCompletionSource<AnalysisVerdict>().Task);
        var run = Run(context);

        var outcome = await SendAsync(context, run, DeploymentCommandKind.Fail, reason: "looks wrong");

        Assert.Equal(DeploymentStatus.Failed, outcome.Status);
        Assert.Equal((StepRun, AnalysisActivities.StopEvent, "looks wrong"), (context.SentEvents.Single().InstanceId, context.SentEvents.Single().Name, context.SentEvents.Single().Payload));
    }

    [Fact]
    public async Task Rollout_WhenBackgroundAnalysisFailsWhileWaitingForPromotion_FailsAtOnce()
    {
        var verdict = new TaskCompletionSource<AnalysisVerdict>();
        var context = Script(Canary(instances: 2, new CanaryStep(50), new CanaryStep(100)).With(o => o with { Analysis = Gate }).Build())
            .OnSubOrchestration<AnalysisRequest>(AnalysisOrchestrator.Name, _ => verdict.Task);
        var run = Run(context);
        Assert.Equal("awaiting-promotion", Updates(context)[^1].Kind);
        var request = Assert.Single(context.InputsOf<AnalysisRequest>(AnalysisOrchestrator.Name));
        Assert.Equal(("background", AnalysisKind.Background), (request.RunId, request.Kind));

        verdict.SetResult(new AnalysisVerdict(AnalysisPhase.Failed, "metric latency measured 2.5: failure condition result[0] > 1 held 1 time"));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new RolloutOutcome(DeploymentStatus.Failed, StatusDescriptions.FailedAnalysis), outcome);
        Assert.Contains("metric latency measured 2.5", Updates(context).Single(u => u.Kind == "failed").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollout_WhenPromotedWithBackgroundAnalysisRunning_StopsItBeforeFinishing()
    {
        var verdict = new TaskCompletionSource<AnalysisVerdict>();
        var context = Script(Canary(instances: 2, new CanaryStep(50), new CanaryStep(100)).With(o => o with { Analysis = Gate }).Build())
            .OnSubOrchestration<AnalysisRequest>(AnalysisOrchestrator.Name, _ => verdict.Task);
        var run = Run(context);

        context.Raise(RolloutActivities.CommandEvent, new RolloutCommand(DeploymentCommandKind.Promote, "alice", null));
        Assert.False(run.IsCompleted, "promotion should wait for the background run to record that it stopped");
        Assert.Equal((BackgroundRun, AnalysisActivities.StopEvent), (context.SentEvents.Single().InstanceId, context.SentEvents.Single().Name));
        verdict.SetResult(new AnalysisVerdict(AnalysisPhase.Stopped, "the canary was promoted"));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DeploymentStatus.Successful, outcome.Status);
    }

    private static Task<AnalysisVerdict> Verdict(AnalysisPhase phase, string message) => Task.FromResult(new AnalysisVerdict(phase, message));
}
