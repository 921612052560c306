using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Deployments.Telemetry;

/// <summary>
/// Puts a deployment's id into the log scope (<c>DeploymentId</c>) of everything logged while it is open, and onto
/// the current span (<c>deployment.id</c>), so a request's, an orchestration's or an activity's lines can be
/// found by the deployment they concern. Scopes are shared by every logger of the host's factory.
/// </summary>
public static class DeploymentLogScope
{
    /// <summary>Name of the log scope entry that holds the deployment id.</summary>
    public const string Key = "DeploymentId";

    /// <summary>
    /// The orchestration instance ids that name a deployment, and where its id (32 hex digits) starts in them:
    /// <c>deployment-{id}</c> (DeploymentService.InstanceIdFor), <c>env-promotion-{id}</c>
    /// (EnvironmentPromotionOrchestrator.InstanceIdFor), <c>notify-{id}-{index}</c> (DeploymentNotifier) and
    /// <c>retire-{app}-{id}</c> (DeploymentService.Promotions).
    /// </summary>
    private static readonly (string Prefix, int Skip)[] InstanceIdShapes =
    [
        ("deployment-", 0),
        ("env-promotion-", 0),
        ("notify-", 0),
        ("retire-", 33),
    ];

    /// <summary>Opens a scope naming the deployment and tags the current span with it; dispose it to end the scope.</summary>
    public static IDisposable? Begin(ILogger logger, Guid deploymentId)
    {
        var id = deploymentId.ToString();
        Activity.Current?.SetTag(TelemetryTags.DeploymentId, id);
        return logger.BeginScope(new Dictionary<string, object> { [Key] = id });
    }

    /// <summary>A scope for work of an orchestration instance, when its id names a deployment; none otherwise.</summary>
    public static IDisposable? BeginForInstance(ILogger logger, string instanceId) =>
        DeploymentOf(instanceId) is { } deploymentId ? Begin(logger, deploymentId) : null;

    /// <summary>The deployment an orchestration instance id names; null when the id has none of the known shapes.</summary>
    public static Guid? DeploymentOf(string instanceId)
    {
        foreach (var (prefix, skip) in InstanceIdShapes)
        {
            var start = prefix.Length + skip;
            if (instanceId.StartsWith(prefix, StringComparison.Ordinal) && instanceId.Length >= start + 32
                && Guid.TryParseExact(instanceId.AsSpan(start, 32), "N", out var id))
            {
                return id;
            }
        }

        return null;
    }
}
