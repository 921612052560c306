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

public sealed record ApprovalDecision(bool Approved, string Actor, string? Reason);

public sealed record EnvironmentPromotionOutcome(bool Applied, Guid? PreviousDeploymentId, bool ScaledDownPrevious, string Message);

/// <param name="Environment">The environment still waited for; null once the approval is decided or expired.</param>
public sealed record ApprovalNote(Guid PromotionId, Guid DeploymentId, string? Environment, string Actor, string Kind, string Message)
{
    /// <summary>One id per promotion and step: a repeated note (an activity run again, the service's early write) is recognised.</summary>
    public Guid NoteId() => Rules.DeterministicIds.From(PromotionId, Kind);
}

public sealed record RetireSource(Guid SourceAppId, Guid NewDeploymentId, string Actor);
