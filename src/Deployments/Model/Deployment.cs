namespace Deployments.Model;

/// <summary>Counts of one task group during a deployment, as Nomad reports them.</summary>
/// <param name="Desired">Instances the group should end with.</param>
/// <param name="Placed">Instances placed so far.</param>
/// <param name="Healthy">Placed instances that are healthy.</param>
/// <param name="Unhealthy">Placed instances that failed their checks.</param>
/// <param name="Canaries">Instances placed as canaries.</param>
/// <param name="Promoted">Whether the canaries were promoted and the rest of the group may follow.</param>
public sealed record GroupState(int Desired, int Placed, int Healthy, int Unhealthy, int Canaries, bool Promoted);

/// <summary>Why a deployment was started.</summary>
public enum DeploymentKind
{
    /// <summary>A caller deployed a revision.</summary>
    Rollout,

    /// <summary>Going back to an earlier revision, by hand or after a failure.</summary>
    Rollback,

    /// <summary>A revision copied over from a deployment on another cluster.</summary>
    ClusterPromotion,
}

/// <summary>One rollout of an app to a revision, driven by one orchestration instance.</summary>
public sealed record Deployment : INamespaced
{
    /// <summary>Deployment id.</summary>
    public required Guid Id { get; init; }

    /// <summary>App being deployed.</summary>
    public required Guid AppId { get; init; }

    /// <summary>Namespace of the app, copied here so scoped callers can be checked without reading the app.</summary>
    public required string Namespace { get; init; }

    /// <summary>Cluster the app runs on.</summary>
    public required Guid ClusterId { get; init; }

    /// <summary>Revision being rolled out.</summary>
    public required int Revision { get; init; }

    /// <summary>Revision the app ran before; null for its first deployment.</summary>
    public int? PreviousRevision { get; init; }

    /// <summary>How instances are replaced.</summary>
    public required Strategy Strategy { get; init; }

    /// <summary>Why the deployment was started.</summary>
    public DeploymentKind Kind { get; init; } = DeploymentKind.Rollout;

    /// <summary>Rollout tuning chosen when the deployment was created.</summary>
    public required DeploymentOptions Options { get; init; }

    /// <summary>Where the deployment is in its life.</summary>
    public DeploymentStatus Status { get; init; } = DeploymentStatus.Pending;

    /// <summary>When <see cref="Status"/> last changed (its creation until then); absent on records written before it was kept.</summary>
    public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>Human-readable detail for <see cref="Status"/>.</summary>
    public string StatusDescription { get; init; } = StatusDescriptions.Pending;

    /// <summary>Progress per group, keyed by group name.</summary>
    public IReadOnlyDictionary<string, GroupState> Groups { get; init; } = new Dictionary<string, GroupState>();

    /// <summary>Canary step reached; 0 before the first and for other strategies.</summary>
    public int CurrentStep { get; init; }

    /// <summary>Canary steps in all; 0 for other strategies.</summary>
    public int TotalSteps { get; init; }

    /// <summary>Who started the deployment.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>Free-text reason given when it was started; null when none.</summary>
    public string? Reason { get; init; }

    /// <summary>Labels and annotations on the deployment.</summary>
    public ResourceMetadata Metadata { get; init; } = ResourceMetadata.Empty;

    /// <summary>When the deployment was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the record last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Increases on every change, so readers can long-poll for the next one.</summary>
    public long ModifyIndex { get; init; }

    /// <summary>The orchestration instance that drives this deployment.</summary>
    public required string InstanceId { get; init; }

    /// <summary>When the current pause began; paused time does not count against the progress deadline.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>Time spent paused in earlier pauses, left out of the progress deadline.</summary>
    public TimeSpan PausedTotal { get; init; }

    /// <summary>An active deployment of the same app this one replaces; it ends cancelled before this one acts.</summary>
    public Guid? Supersedes { get; init; }

    /// <summary>Straight to full scale, no canary steps or pauses: a rollback to a recent revision.</summary>
    public bool Instant { get; init; }

    /// <summary>The environment whose promotion of this deployment waits for an approve or reject.</summary>
    public string? AwaitingApprovalFor { get; init; }

    /// <summary>Ids of the last updates applied, so a re-run of the same update activity changes nothing.</summary>
    public IReadOnlyList<Guid> RecentUpdateIds { get; init; } = [];

    /// <summary>How many step ids <see cref="RecentUpdateIds"/> keeps: far more than the steps that can be in flight at once.</summary>
    public const int RememberedUpdates = 32;

    /// <summary>Whether the step with this id already changed the record: an activity run again finds its own write.</summary>
    public bool HasApplied(Guid updateId) => RecentUpdateIds.Contains(updateId);

    /// <summary>This record, remembering that the step with this id changed it.</summary>
    public Deployment Applying(Guid updateId) => this with { RecentUpdateIds = [.. RecentUpdateIds.TakeLast(RememberedUpdates - 1), updateId] };
}
