using Durable.Messaging;

namespace Durable.Storage;

/// <summary>Where an outgoing message goes: an instance's control queue, or the activity work-item queue.</summary>
internal enum MessageTarget
{
    Control,
    WorkItem,
}

/// <summary>A message an episode sends once its checkpoint has committed; <see cref="VisibleAt"/> delays timers.</summary>
internal sealed record OutboundMessage(MessageTarget Target, TaskMessage Message, DateTime? VisibleAt = null);

/// <summary>
/// The messages one checkpoint must send, stored in the same transaction. <see cref="Triggers"/> are the
/// dedupe keys of the messages that episode consumed: if one of them is delivered again, the sender may
/// have crashed before sending, so this row is sent again.
/// </summary>
internal sealed record OutboxRow(string RowKey, IReadOnlyList<OutboundMessage> Messages, IReadOnlyList<string> Triggers, DateTimeOffset CreatedAt);

/// <summary>A message that arrived before its instance started, kept until the start consumes it.</summary>
internal sealed record InboxRow(string RowKey, TaskMessage Message);

/// <summary>Everything stored for one instance, as read on a cache miss.</summary>
internal sealed record InstanceSnapshot(
    InstanceState? State,
    Azure.ETag ETag,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<OutboxRow> Outbox,
    IReadOnlyList<InboxRow> Inbox,
    IReadOnlyList<string> OtherExecutionRowKeys);

/// <summary>One atomic step of an instance: state, new history, outbox and clean-up in one entity-group transaction.</summary>
internal sealed record Checkpoint(
    InstanceState State,
    Azure.ETag? ExpectedETag,
    IReadOnlyList<HistoryEvent> NewEvents,
    OutboxRow? Outbox,
    IReadOnlyList<InboxRow> NewInbox,
    IReadOnlyList<string> DeleteRowKeys);

/// <summary>Another worker changed the instance first; reload and try again.</summary>
internal sealed class InstanceConflictException(string instanceId, Exception inner)
    : Exception($"Instance '{instanceId}' was changed by another worker.", inner)
{
    public string InstanceId { get; } = instanceId;
}
