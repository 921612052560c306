using Deployments.Model;
using Microsoft.Extensions.Logging;

namespace Deployments.Orchestrations;

/// <summary>
/// What the orchestrators log, through the replay-safe logger (<c>context.CreateReplaySafeLogger</c>), so a line is
/// written once when its step first runs, not again at every replay; each within the deployment's log scope.
/// </summary>
internal static partial class OrchestrationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout of revision {Revision} ({Strategy}) started")]
    public static partial void RolloutStarted(ILogger logger, int revision, Strategy strategy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout ended {Status}: {Description}")]
    public static partial void RolloutEnded(ILogger logger, DeploymentStatus status, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout could not load its plan, so the deployment fails: {Error}")]
    public static partial void PlanFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout continues as a new generation while it waits")]
    public static partial void ContinuedAsNew(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion to environment {Environment} waits for approval")]
    public static partial void AwaitingApproval(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion to environment {Environment} {Decision} by {Actor}")]
    public static partial void PromotionDecided(ILogger logger, string environment, string decision, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion to environment {Environment} expired without approval")]
    public static partial void PromotionExpired(ILogger logger, string environment);
}
