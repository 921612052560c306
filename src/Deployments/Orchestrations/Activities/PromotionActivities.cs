using Deployments.Model;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>Makes a deployment the live one of an environment, scaling the previous live one down unless told not to.</summary>
public sealed class ApplyEnvironmentPromotionActivity(DeploymentPromotions service) : TaskActivity<EnvironmentPromotion, EnvironmentPromotionOutcome>
{
    /// <summary>Makes the promoted deployment live in its environment and says what changed.</summary>
    public override Task<EnvironmentPromotionOutcome> RunAsync(TaskActivityContext context, EnvironmentPromotion input) =>
        service.ApplyEnvironmentPromotionAsync(input, CancellationToken.None);
}

/// <summary>Writes an approval step onto the deployment's timeline (and whether it still awaits approval).</summary>
public sealed class NoteApprovalActivity(DeploymentPromotions service) : TaskActivity<ApprovalNote, bool>
{
    /// <summary>Writes the note (once) and returns true.</summary>
    public override async Task<bool> RunAsync(TaskActivityContext context, ApprovalNote input)
    {
        await service.NoteApprovalAsync(input, CancellationToken.None);
        return true;
    }
}

/// <summary>Stops every allocation of an app through its driver and deletes the app, once its promoted copy succeeded.</summary>
public sealed class RetireAppActivity(AppStore apps, DeploymentStore deployments, AppRetirement retirement) : TaskActivity<RetireSource, bool>
{
    /// <summary>Retires the source app; false, doing nothing, when the promoted deployment did not succeed or the app is already gone.</summary>
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
