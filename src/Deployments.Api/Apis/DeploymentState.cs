using System.Text.Json.Serialization;
using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>Cloud Foundry's <c>status.value</c>: whether the deployment still acts.</summary>
internal enum DeploymentStateValue
{
    [JsonStringEnumMemberName("ACTIVE")]
    Active,

    [JsonStringEnumMemberName("FINALIZED")]
    Finalized,
}

/// <summary>Cloud Foundry's <c>status.reason</c>, plus <c>FAILED</c>, which Cloud Foundry has no word for and a failed rollout needs.</summary>
internal enum DeploymentStateReason
{
    [JsonStringEnumMemberName("DEPLOYING")]
    Deploying,

    [JsonStringEnumMemberName("PAUSED")]
    Paused,

    [JsonStringEnumMemberName("DEPLOYED")]
    Deployed,

    [JsonStringEnumMemberName("CANCELED")]
    Canceled,

    [JsonStringEnumMemberName("SUPERSEDED")]
    Superseded,

    [JsonStringEnumMemberName("FAILED")]
    Failed,
}

internal sealed record DeploymentStateDetails(DateTimeOffset LastStatusChange, string? Error);

internal sealed record CanarySteps(int Current, int Total);

internal sealed record CanaryProgress(CanarySteps Steps);

/// <summary>
/// The deployment's status in Cloud Foundry's shape (value, reason, details, canary steps). It is named
/// <c>state</c> because <c>status</c> holds Nomad's status word, which the list filters on and clients read.
/// </summary>
internal sealed record DeploymentState(DeploymentStateValue Value, DeploymentStateReason Reason, DeploymentStateDetails Details, CanaryProgress? Canary)
{
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
}
