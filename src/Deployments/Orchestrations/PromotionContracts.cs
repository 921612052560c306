namespace Deployments.Orchestrations;

public sealed record EnvironmentPromotion(string Namespace, string Environment, Guid DeploymentId, bool ScaleDownPrevious, string Actor, TimeSpan? Expiry);

public sealed record ApprovalDecision(bool Approved, string Actor, string? Reason);

public sealed record EnvironmentPromotionOutcome(bool Applied, Guid? PreviousDeploymentId, bool ScaledDownPrevious, string Message);

public sealed record ApprovalNote(Guid DeploymentId, string? Environment, string Actor, string Kind, string Message);

public sealed record RetireSource(Guid SourceAppId, Guid NewDeploymentId, string Actor);

public static class PromotionActivities
{
    public const string ApplyEnvironmentPromotion = "ApplyEnvironmentPromotion";
    public const string NoteApproval = "NoteApproval";
    public const string RetireApp = "RetireApp";
    public const string ApprovalEvent = "approval";
}
