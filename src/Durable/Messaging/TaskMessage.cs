namespace Durable.Messaging;

/// <summary>
/// What travels on the queues: one history event addressed to one instance. Control queues carry
/// events for orchestrations; the work-item queue carries <see cref="TaskScheduled"/> requests.
/// </summary>
internal sealed record TaskMessage(string Id, string InstanceId, string? ExecutionId, HistoryEvent Event, DateTime SentAt)
{
    /// <summary>
    /// The identity under which a redelivered copy is recognised as already applied. It is derived from
    /// what the message means, not from the queue's message id, because a re-executed activity produces
    /// a new message for the same completion.
    /// </summary>
    public string DedupeKey => Event switch
    {
        ExecutionStarted started => $"start:{started.ExecutionId}",
        TaskCompleted completed => $"task:{ExecutionId}:{completed.TaskScheduledId}",
        TaskFailed failed => $"task:{ExecutionId}:{failed.TaskScheduledId}",
        SubOrchestrationCompleted completed => $"sub:{ExecutionId}:{completed.TaskScheduledId}",
        SubOrchestrationFailed failed => $"sub:{ExecutionId}:{failed.TaskScheduledId}",
        TimerFired fired => $"timer:{ExecutionId}:{fired.TimerId}",
        EventRaised raised => $"event:{raised.MessageId}",
        _ => $"msg:{Id}",
    };

    public string Kind => Event.GetType().Name;

    public static TaskMessage Create(string instanceId, string? executionId, HistoryEvent historyEvent, DateTime now) =>
        new(Guid.NewGuid().ToString("N"), instanceId, executionId, historyEvent, now);
}
