using System.Text.Json.Serialization;

namespace Deployments.Model;

/// <summary>Cloud Foundry's <c>status.value</c>: whether the deployment still acts.</summary>
public enum DeploymentStateValue
{
    /// <summary>It still rolls out, waits or can be resumed.</summary>
    [JsonStringEnumMemberName("ACTIVE")]
    Active,

    /// <summary>It has ended and will not change again.</summary>
    [JsonStringEnumMemberName("FINALIZED")]
    Finalized,
}

/// <summary>Cloud Foundry's <c>status.reason</c>, plus <c>FAILED</c>, which Cloud Foundry has no word for and a failed rollout needs.</summary>
public enum DeploymentStateReason
{
    /// <summary>Rolling out.</summary>
    [JsonStringEnumMemberName("DEPLOYING")]
    Deploying,

    /// <summary>Paused by a step or a person.</summary>
    [JsonStringEnumMemberName("PAUSED")]
    Paused,

    /// <summary>Ended successfully.</summary>
    [JsonStringEnumMemberName("DEPLOYED")]
    Deployed,

    /// <summary>Cancelled by a person.</summary>
    [JsonStringEnumMemberName("CANCELED")]
    Canceled,

    /// <summary>Cancelled because a newer deployment of the app replaced it.</summary>
    [JsonStringEnumMemberName("SUPERSEDED")]
    Superseded,

    /// <summary>Ended in failure.</summary>
    [JsonStringEnumMemberName("FAILED")]
    Failed,
}

/// <summary>When the status last changed, and the error a failed deployment ended with.</summary>
public sealed record DeploymentStateDetails(DateTimeOffset LastStatusChange, string? Error);

/// <summary>The canary step the deployment is at, of how many.</summary>
public sealed record CanarySteps(int Current, int Total);

/// <summary>A canary deployment's progress through its steps.</summary>
public sealed record CanaryProgress(CanarySteps Steps);

/// <summary>
/// The deployment's status in Cloud Foundry's shape (value, reason, details, canary steps). It is named
/// <c>state</c> because <c>status</c> holds Nomad's status word, which the list filters on and clients read.
/// </summary>
public sealed record DeploymentState(DeploymentStateValue Value, DeploymentStateReason Reason, DeploymentStateDetails Details, CanaryProgress? Canary)
{
    /// <summary>The state of <paramref name="deployment"/> in Cloud Foundry's words.</summary>
    public static DeploymentState Of(Deployment deployment) => new(
        deployment.Status.IsTerminal() ? DeploymentStateValue.Finalized : DeploymentStateValue.Active,
        deployment.Status switch
        {
            DeploymentStatus.Paused => DeploymentStateReason.Paused,
            DeploymentStatus.Successful => DeploymentStateReason.Deployed,
            DeploymentStatus.Failed => DeploymentStateReason.Failed,
            DeploymentStatus.Cancelled when deployment.StatusDescription == StatusDescriptions.CancelledNewer => DeploymentStateReason.Superseded,
            DeploymentStatus.Cancelled => DeploymentStateReason.Canceled,
            _ => DeploymentStateReason.Deploying,
        },
        new DeploymentStateDetails(deployment.StatusChangedAt ?? deployment.CreatedAt, deployment.Status == DeploymentStatus.Failed ? deployment.StatusDescription : null),
        deployment.TotalSteps > 0 ? new CanaryProgress(new CanarySteps(deployment.CurrentStep, deployment.TotalSteps)) : null);

    /// <summary>
    /// Whether a canary rollout holds at a step until it is continued or promoted: Nomad calls it running,
    /// Cloud Foundry paused.
    /// </summary>
    public static bool AwaitsContinue(Deployment deployment) =>
        deployment.Status == DeploymentStatus.Running && deployment.StatusDescription.StartsWith(StatusDescriptions.RequiresPromotion, StringComparison.Ordinal);
}
