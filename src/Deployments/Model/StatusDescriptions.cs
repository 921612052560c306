namespace Deployments.Model;

/// <summary>The human-readable status lines, worded as Nomad's so operators recognise them.</summary>
internal static class StatusDescriptions
{
    public const string Pending = "Deployment is pending";
    public const string AwaitingApproval = "Deployment is waiting for approval";
    public const string Running = "Deployment is running";
    public const string RequiresPromotion = "Deployment is running but requires manual promotion";
    public const string Paused = "Deployment is paused";
    public const string Promoting = "Deployment is being promoted";
    public const string Successful = "Deployment completed successfully";
    public const string FailedUnhealthy = "Failed due to unhealthy allocations";
    public const string FailedProgressDeadline = "Failed due to progress deadline";
    public const string FailedByUser = "Deployment marked as failed";
    public const string FailedStepError = "Failed due to an error acting on the deployment";
    public const string CancelledByUser = "Cancelled by user";
    public const string CancelledNewer = "Cancelled due to newer deployment";

    /// <summary>A metric of an analysis failed; the reason names it, its value and its condition.</summary>
    public const string FailedAnalysis = "Failed due to analysis";

    /// <summary>An analysis could not decide: the rollout holds until a person promotes or fails the deployment.</summary>
    public const string AnalysisInconclusive = "Deployment is paused: analysis inconclusive";

    public const string Rejected = "Promotion was rejected";
    public const string ApprovalExpired = "Approval expired";

    /// <summary>The rollout waits for the analysis of a canary step.</summary>
    public static string AnalyzingStep(int step, int total) => $"Deployment is running analysis (step {step} of {total})";

    /// <summary>The rollout holds after an inconclusive analysis; <paramref name="where"/> says which one.</summary>
    public static string AnalysisInconclusiveAt(string where) => $"{AnalysisInconclusive} ({where}); promote or fail it";

    public static string RequiresPromotionAtStep(int step, int total) => $"{RequiresPromotion} (step {step} of {total})";

    public static string PausedForDuration(int step, int total, TimeSpan pause) => $"Deployment is paused for {DurationText.Of(pause)} after step {step} of {total}";

    /// <summary>The timeline's reason when a rollout step failed for good: which step, and the error it met.</summary>
    public static string StepFailed(string step, string error) => $"{step} failed: {error}";

    /// <summary>What <see cref="RollingBack"/> puts between the failure and the revision, so a failure that rolled back can be told apart.</summary>
    public const string RollingBackMarker = " - rolling back to revision ";

    public static string RollingBack(string failure, int revision) => $"{failure}{RollingBackMarker}{revision}";
}
