using Azure;
using Durable.Replay;
using Durable.Storage;

namespace Durable.Worker;

/// <summary>
/// What a worker holds of one instance between steps: its committed state and ETag, the live executor,
/// and what it knows of the instance's outbox. Cached sessions skip both the read and the replay.
/// </summary>
internal sealed class InstanceSession(string instanceId)
{
    public string InstanceId { get; } = instanceId;

    public InstanceState? State { get; set; }

    public ETag ETag { get; set; }

    public OrchestrationExecutor? Executor { get; set; }

    /// <summary>Outbox rows read from storage whose sending this worker did not witness.</summary>
    public List<OutboxRow> UnconfirmedOutbox { get; } = [];

    /// <summary>Outbox rows this worker sent; the next checkpoint deletes them for free.</summary>
    public List<string> SentOutboxRowKeys { get; } = [];

    public List<InboxRow> Inbox { get; } = [];

    /// <summary>History rows of earlier executions (continue-as-new, restart) still to delete.</summary>
    public List<string> OtherExecutionRowKeys { get; } = [];

    public DateTimeOffset LastUsed { get; set; }

    public bool IsActive => State is { IsPlaceholder: false, Status: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended };
}
