using Deployments.Model;

namespace Deployments.Telemetry;

/// <summary>How a deployment ended, in the words of the <c>deployments.finished</c> counter's outcome attribute.</summary>
internal static class FinishedOutcome
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Failed, and an automatic rollback to the last stable revision was started (auto_revert).</summary>
    public const string RolledBack = "rolled_back";
    public const string Cancelled = "cancelled";

    /// <summary>Cancelled because a newer deployment of the same app replaced it.</summary>
    public const string Superseded = "superseded";

    /// <summary>
    /// Read from the terminal status and its description, which the rollout words from fixed texts
    /// (<see cref="StatusDescriptions"/>), so no extra field has to be stored to tell the cases apart.
    /// </summary>
    public static string Of(Deployment deployment) => deployment.Status switch
    {
        DeploymentStatus.Successful => Succeeded,
        DeploymentStatus.Failed when deployment.StatusDescription.Contains(StatusDescriptions.RollingBackMarker, StringComparison.Ordinal) => RolledBack,
        DeploymentStatus.Failed => Failed,
        DeploymentStatus.Cancelled when deployment.StatusDescription == StatusDescriptions.CancelledNewer => Superseded,
        DeploymentStatus.Cancelled => Cancelled,
        _ => throw new ArgumentException($"Deployment {deployment.Id} has not finished: it is {deployment.Status}.", nameof(deployment)),
    };
}
