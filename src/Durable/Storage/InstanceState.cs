namespace Durable.Storage;

/// <summary>
/// The state row of an instance: the one row every checkpoint updates under its ETag. An empty
/// <see cref="ExecutionId"/> marks a placeholder that only holds events raised before the start.
/// </summary>
internal sealed record InstanceState(
    string InstanceId,
    string Name,
    string ExecutionId,
    OrchestrationRuntimeStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public string? ParentInstanceId { get; init; }

    /// <summary>When a start was scheduled for later; recovery must not start it early.</summary>
    public DateTimeOffset? ScheduledStartAt { get; init; }

    /// <summary>Next history row number of the current execution.</summary>
    public int HistorySequence { get; init; }

    /// <summary>Next outbox row number; outbox rows outlive executions until they are known sent.</summary>
    public int OutboxSequence { get; init; }

    public int EventCount { get; init; }

    public bool IsPlaceholder => ExecutionId.Length == 0;

    public static InstanceState Placeholder(string instanceId, DateTimeOffset now) =>
        new(instanceId, "", "", OrchestrationRuntimeStatus.Pending, now, now);

    /// <summary>Whether a query could tell the two apart: only then is the instances table written.</summary>
    public bool IsVisiblyDifferentFrom(InstanceState? other) =>
        other is null
        || other.Status != Status
        || other.ExecutionId != ExecutionId
        || other.CustomStatus != CustomStatus
        || other.Name != Name;

    public OrchestrationMetadata ToMetadata() => new(
        InstanceId, Name, ExecutionId, Status, CreatedAt, LastUpdatedAt, Input, Output, CustomStatus, Failure, ParentInstanceId);
}
