namespace Deployments.Service;

/// <param name="PromotionId">New for every request, so the notes of this promotion are told apart from an earlier one's of the same deployment.</param>
public sealed record EnvironmentPromotion(Guid PromotionId, string Namespace, string Environment, Guid DeploymentId, bool ScaleDownPrevious, string Actor, TimeSpan? Expiry)
{
    /// <summary>
    /// The note that this promotion waits for approval. The service writes it before answering and the
    /// orchestration writes it again; being the same note, the second write changes nothing.
    /// </summary>
    public ApprovalNote AwaitingApproval() =>
        new(PromotionId, DeploymentId, Environment, Actor, "awaiting-approval", $"Promotion to {Environment} requested by {Actor}; waiting for approval");
}

internal sealed record ApprovalDecision(bool Approved, string Actor, string? Reason);

/// <summary>What the promotion orchestration did once it went ahead (or was turned down).</summary>
/// <param name="Applied">Whether the deployment was promoted into the environment.</param>
/// <param name="PreviousDeploymentId">Deployment the environment ran before; null when none.</param>
/// <param name="ScaledDownPrevious">Whether that previous deployment was scaled down.</param>
/// <param name="Message">Human-readable summary.</param>
public sealed record EnvironmentPromotionOutcome(bool Applied, Guid? PreviousDeploymentId, bool ScaledDownPrevious, string Message);

/// <param name="Environment">The environment still waited for; null once the approval is decided or expired.</param>
public sealed record ApprovalNote(Guid PromotionId, Guid DeploymentId, string? Environment, string Actor, string Kind, string Message)
{
    /// <summary>One id per promotion and step: a repeated note (an activity run again, the service's early write) is recognised.</summary>
    public Guid NoteId() => Rules.DeterministicIds.From(PromotionId, Kind);
}

/// <summary>Asks for the source app of a cluster promotion to be retired once its copy is deployed.</summary>
/// <param name="SourceAppId">App to retire.</param>
/// <param name="NewDeploymentId">Deployment of the copy, which must succeed first.</param>
/// <param name="Actor">Who asked for the promotion, recorded for audit.</param>
public sealed record RetireSource(Guid SourceAppId, Guid NewDeploymentId, string Actor);
