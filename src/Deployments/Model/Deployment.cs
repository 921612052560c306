namespace Deployments.Model;

/// <summary>Counts of one task group during a deployment, as Nomad reports them.</summary>
public sealed record GroupState(int Desired, int Placed, int Healthy, int Unhealthy, int Canaries, bool Promoted);

public enum DeploymentKind
{
    Rollout,
    Rollback,
    ClusterPromotion,
}

/// <summary>One rollout of an app to a revision, driven by one orchestration instance.</summary>
public sealed record Deployment : INamespaced
{
    public required Guid Id { get; init; }

    public required Guid AppId { get; init; }

    public required string Namespace { get; init; }

    public required Guid ClusterId { get; init; }

    public required int Revision { get; init; }

    public int? PreviousRevision { get; init; }

    public required Strategy Strategy { get; init; }

    public DeploymentKind Kind { get; init; } = DeploymentKind.Rollout;

    public required DeploymentOptions Options { get; init; }

    public DeploymentStatus Status { get; init; } = DeploymentStatus.Pending;

    /// <summary>When <see cref="Status"/> last changed (its creation until then); absent on records written before it was kept.</summary>
    public DateTimeOffset? StatusChangedAt { get; init; }

    public string StatusDescription { get; init; } = StatusDescriptions.Pending;

    public IReadOnlyDictionary<string, GroupState> Groups { get; init; } = new Dictionary<string, GroupState>();

    public int CurrentStep { get; init; }

    public int TotalSteps { get; init; }

    public required string CreatedBy { get; init; }

    public string? Reason { get; init; }

    public ResourceMetadata Metadata { get; init; } = ResourceMetadata.Empty;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Increases on every change, so readers can long-poll for the next one.</summary>
    public long ModifyIndex { get; init; }

    /// <summary>The orchestration instance that drives this deployment.</summary>
    public required string InstanceId { get; init; }

    /// <summary>When the current pause began; paused time does not count against the progress deadline.</summary>
    public DateTimeOffset? PausedAt { get; init; }

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
