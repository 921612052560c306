namespace Deployments.Model;

/// <summary>One entry of a deployment's timeline: a state change or a command, with who and why.</summary>
public sealed record DeploymentEvent(
    Guid DeploymentId,
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Kind,
    string Message,
    DeploymentStatus? From = null,
    DeploymentStatus? To = null);
