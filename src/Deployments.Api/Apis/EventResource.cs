using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>One entry of a deployment's timeline: what happened, who did it, and the status change it made.</summary>
internal sealed record EventResource(
    Guid DeploymentId,
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Kind,
    string Message,
    DeploymentStatus? From,
    DeploymentStatus? To)
{
    public static EventResource Of(DeploymentEvent entry) => new(
        entry.DeploymentId, entry.Sequence, entry.At, entry.Actor, entry.Kind, entry.Message, entry.From, entry.To);
}
