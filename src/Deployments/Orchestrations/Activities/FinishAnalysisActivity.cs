using Deployments.Model;
using Deployments.Notifications;
using Deployments.Rules;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>Records a run's verdict on the run, as one entry on the deployment's timeline, and as a CloudEvent to subscribers.</summary>
public sealed class FinishAnalysisActivity(AnalysisRunStore runs, DeploymentStore deployments, DeploymentNotifier notifier, TimeProvider time)
    : TaskActivity<FinishAnalysisRequest, bool>
{
    /// <summary>Records the verdict; a re-run records nothing twice.</summary>
    public override async Task<bool> RunAsync(TaskActivityContext context, FinishAnalysisRequest request)
    {
        var run = await runs.FinishAsync(request.DeploymentId, request.Run.Id, request.Verdict.Phase, request.Verdict.Message, time.GetUtcNow(), CancellationToken.None);
        var entry = ("analysis", $"analysis-{request.Verdict.Phase.ToString().ToLowerInvariant()}", $"{Describe(request.Run)} {Verb(request.Verdict.Phase)}: {request.Verdict.Message}");
        var deployment = await deployments.UpdateAsync(request.DeploymentId,
            current => DeploymentChange.Once(current, DeterministicIds.From(request.DeploymentId, $"analysis-{request.Run.Id}-verdict"), d => d, entry),
            CancellationToken.None);
        await notifier.AnalysisDecidedAsync(deployment, run, CancellationToken.None);
        return true;
    }

    private static string Describe(AnalysisRun run) => run.Kind == AnalysisKind.Background
        ? $"Background analysis ({string.Join(", ", run.Templates)})"
        : $"Analysis of step {run.Step} ({string.Join(", ", run.Templates)})";

    private static string Verb(AnalysisPhase phase) => phase switch
    {
        AnalysisPhase.Successful => "succeeded",
        AnalysisPhase.Failed => "failed",
        AnalysisPhase.Inconclusive => "was inconclusive",
        _ => "stopped",
    };
}
