namespace Deployments.Orchestrations;

/// <summary>The activities the promotion orchestrations call, by name.</summary>
public static class PromotionActivities
{
    public const string ApplyEnvironmentPromotion = "ApplyEnvironmentPromotion";
    public const string NoteApproval = "NoteApproval";
    public const string RetireApp = "RetireApp";
}
