using Deployments.Model;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>Makes a deployment the live one of an environment, scaling the previous live one down unless told not to.</summary>
public sealed class ApplyEnvironmentPromotionActivity(DeploymentService service) : TaskActivity<EnvironmentPromotion, EnvironmentPromotionOutcome>
{
    public override Task<EnvironmentPromotionOutcome> RunAsync(TaskActivityContext context, EnvironmentPromotion input) =>
        service.ApplyEnvironmentPromotionAsync(input, CancellationToken.None);
}

/// <summary>Writes an approval step onto the deployment's timeline (and whether it still awaits approval).</summary>
public sealed class NoteApprovalActivity(DeploymentStore deployments) : TaskActivity<ApprovalNote, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ApprovalNote input)
    {
        await ApplyAsync(deployments, input, CancellationToken.None);
        return true;
    }

    /// <summary>Applies the note unless it already was (by an earlier run, or by the service before it answered).</summary>
    public static Task<Deployment> ApplyAsync(DeploymentStore deployments, ApprovalNote note, CancellationToken cancellationToken) =>
        deployments.UpdateAsync(note.DeploymentId, current => DeploymentChange.Once(
                current, note.NoteId(), noted => noted with { AwaitingApprovalFor = note.Environment }, (note.Actor, note.Kind, note.Message)),
            cancellationToken);
}

/// <summary>Stops every allocation of an app through its driver and deletes the app, once its promoted copy succeeded.</summary>
public sealed class RetireAppActivity(AppStore apps, DeploymentStore deployments, AppRetirement retirement) : TaskActivity<RetireSource, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RetireSource input)
    {
        var promoted = await deployments.GetRequiredAsync(input.NewDeploymentId, CancellationToken.None);
        if (promoted.Status != DeploymentStatus.Successful || await apps.GetAsync(input.SourceAppId, CancellationToken.None) is not { } app)
        {
            return false;
        }

        await retirement.StopAndDeleteAsync(app, CancellationToken.None);
        return true;
    }
}
