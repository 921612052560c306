using System.Text;

namespace Deployments.Telemetry;

/// <summary>
/// Attribute names of the <c>Deployments</c> meter, namespaced as OpenTelemetry's conventions ask (Prometheus shows
/// them with underscores: <c>deployment_strategy</c>); values are lower snake_case words.
/// </summary>
public static class TelemetryTags
{
    /// <summary>Rollout strategy: rolling or canary.</summary>
    public const string Strategy = "deployment.strategy";
    /// <summary>Why the deployment was started: rollout, rollback or cluster_promotion.</summary>
    public const string Kind = "deployment.kind";
    /// <summary>Namespace of the deployment.</summary>
    public const string Namespace = "deployment.namespace";
    /// <summary>How a deployment ended: succeeded, failed or cancelled.</summary>
    public const string Outcome = "deployment.outcome";
    /// <summary>Command accepted for a deployment.</summary>
    public const string Command = "deployment.command";
    /// <summary>How a webhook delivery attempt ended.</summary>
    public const string DeliveryOutcome = "webhook.delivery.outcome";

    /// <summary>The deployment's id on a span (the log scope's is <see cref="DeploymentLogScope.Key"/>).</summary>
    public const string DeploymentId = "deployment.id";

    /// <summary><c>ClusterPromotion</c> becomes <c>cluster_promotion</c>, as attribute values are written.</summary>
    public static string SnakeCase(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        foreach (var character in name)
        {
            if (char.IsUpper(character) && words.Length > 0)
            {
                words.Append('_');
            }

            words.Append(char.ToLowerInvariant(character));
        }

        return words.ToString();
    }
}
