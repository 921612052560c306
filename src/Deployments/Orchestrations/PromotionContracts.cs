namespace Deployments.Orchestrations;

/// <summary>The activities the promotion orchestrations call, by name.</summary>
public static class PromotionActivities
{
    /// <summary><see cref="Activities.ApplyEnvironmentPromotionActivity"/>: makes a deployment live in an environment.</summary>
    public const string ApplyEnvironmentPromotion = "ApplyEnvironmentPromotion";
    /// <summary><see cref="Activities.NoteApprovalActivity"/>: writes an approval step onto the timeline.</summary>
    public const string NoteApproval = "NoteApproval";
    /// <summary><see cref="Activities.RetireAppActivity"/>: retires the source app of a cluster promotion.</summary>
    public const string RetireApp = "RetireApp";
}
