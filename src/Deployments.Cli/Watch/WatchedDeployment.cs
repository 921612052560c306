namespace Deployments.Cli.Watch;

/// <summary>
/// The fields of a deployment the live view follows, read from the API's JSON (unknown fields ignored).
/// </summary>
/// <remarks>
/// The API and notifications write the domain's <c>DeploymentView</c>, but the CLI references no server project,
/// so it reads the answer into this narrower model of its own: only what watching needs, enums as the strings
/// they arrive as, so a newer server's extra fields or values do not break an older CLI.
/// </remarks>
internal sealed record WatchedDeployment(
    Guid Id,
    Guid AppId,
    string Namespace,
    int Revision,
    int? PreviousRevision,
    string Strategy,
    string Kind,
    RolloutOptions Options,
    string Status,
    string StatusDescription,
    Dictionary<string, GroupCounts> Groups,
    int CurrentStep,
    int TotalSteps,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long ModifyIndex,
    string? AwaitingApprovalFor,
    MetadataState? Metadata = null)
{
    public bool IsTerminal => Status is "successful" or "failed" or "cancelled";

    public bool IsCanary => Strategy == "canary" && TotalSteps > 0;

    /// <summary>Whether any analysis judges this deployment (in the background or at a step), so the view reads its runs too.</summary>
    public bool HasAnalysis => Options.Analysis is not null || (Options.Steps ?? []).Any(s => s.Analysis is not null);
}

internal sealed record MetadataState(Dictionary<string, string>? Labels, Dictionary<string, string>? Annotations);

internal sealed record RolloutOptions(List<StepOption>? Steps, string? ProgressDeadline, bool AutoPromote, AnalysisGateOption? Analysis = null);

internal sealed record StepOption(int InstanceWeight, string? Pause, AnalysisGateOption? Analysis = null);

internal sealed record AnalysisGateOption(List<string>? Templates, Dictionary<string, string>? Args);

internal sealed record GroupCounts(int Desired, int Placed, int Healthy, int Unhealthy, int Canaries, bool Promoted);

internal sealed record AllocationState(Guid Id, string Group, int Revision, bool Canary, string Health, string ActualStatus, string? Address);

internal sealed record EventState(long Sequence, DateTimeOffset At, string Actor, string Kind, string Message);

/// <summary>
/// What one change of a deployment looks like: the deployment, its allocations and timeline, the JSON it came
/// as, and its analysis runs (null when no analysis judges it).
/// </summary>
internal sealed record DeploymentSnapshot(
    WatchedDeployment Deployment, IReadOnlyList<AllocationState> Allocations, IReadOnlyList<EventState> Events, string Json, AnalysisState? Analysis = null);
