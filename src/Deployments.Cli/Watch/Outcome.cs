namespace Deployments.Cli.Watch;

/// <summary>When following a deployment stops, and the exit code it stops with.</summary>
internal static class Outcome
{
    // The API's wording (Nomad's) for a canary that holds until someone promotes or continues it.
    private const string RequiresPromotion = "Deployment is running but requires manual promotion";
    private const string PausedByCommand = "Deployment is paused";

    // An inconclusive analysis leaves the deployment running but held: a person promotes or fails it.
    private const string AnalysisInconclusive = "Deployment is paused: analysis inconclusive";

    /// <summary>The exit code once the deployment has ended (or, with <paramref name="untilPaused"/>, waits for a person); null while it goes on.</summary>
    public static int? ExitCode(WatchedDeployment deployment, bool untilPaused) => deployment.Status switch
    {
        "successful" => ExitCodes.Success,
        "failed" => ExitCodes.Failed,
        "cancelled" => ExitCodes.Cancelled,
        _ when untilPaused && WaitsForPerson(deployment) => ExitCodes.WaitingForPromotion,
        _ => null,
    };

    /// <summary>
    /// Held until someone acts: a manual promotion, an approval, a pause command (a timed pause goes on by
    /// itself), or an inconclusive analysis.
    /// </summary>
    public static bool WaitsForPerson(WatchedDeployment deployment) =>
        deployment.AwaitingApprovalFor is not null
        || deployment.StatusDescription.StartsWith(RequiresPromotion, StringComparison.Ordinal)
        || deployment.StatusDescription.StartsWith(AnalysisInconclusive, StringComparison.Ordinal)
        || (deployment.Status == "paused" && deployment.StatusDescription == PausedByCommand);
}
