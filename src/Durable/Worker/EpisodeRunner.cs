using Durable.Messaging;
using Durable.Replay;
using Durable.Storage;
using Microsoft.Extensions.Logging;

namespace Durable.Worker;

/// <summary>
/// Turns a batch of delivered messages into one checkpoint: applies them to the instance's executor,
/// collects the actions its code asks for, and decides the new state. Pure with respect to storage.
/// </summary>
internal sealed class EpisodeRunner(DurableTaskRegistry registry, IServiceProvider services, ILoggerFactory loggerFactory)
{
    /// <summary>Outbox rows nobody confirmed sending are kept this long, then collected.</summary>
    private static readonly TimeSpan UnconfirmedOutboxRetention = TimeSpan.FromHours(1);

    private const int MaxContinueAsNewPerEpisode = 100;

    public OrchestrationExecutor CreateExecutor(string instanceId, ExecutionStarted started) =>
        new(instanceId, started, registry.CreateOrchestrator(started.Name, services), loggerFactory);

    /// <summary>Rebuilds a session from storage, replaying the current execution's history.</summary>
    public InstanceSession Load(InstanceSnapshot snapshot, string instanceId)
    {
        var session = new InstanceSession(instanceId) { State = snapshot.State, ETag = snapshot.ETag };
        session.UnconfirmedOutbox.AddRange(snapshot.Outbox);
        session.Inbox.AddRange(snapshot.Inbox);
        session.OtherExecutionRowKeys.AddRange(snapshot.OtherExecutionRowKeys);
        if (session.IsActive && snapshot.History.OfType<ExecutionStarted>().FirstOrDefault() is { } started)
        {
            var executor = CreateExecutor(instanceId, started);
            executor.CustomStatus = snapshot.State!.CustomStatus;
            executor.Replay(snapshot.History);
            session.Executor = executor;
        }

        return session;
    }

    public EpisodeResult Run(InstanceSession session, IReadOnlyList<TaskMessage> messages, DateTime now)
    {
        var prior = session.State;
        // An active instance whose replay already decided an outcome (non-deterministic code) keeps its
        // executor, so that outcome gets committed instead of the instance waiting forever.
        var executor = session.Executor is { } live && (live.Outcome is null || session.IsActive) ? live : null;
        var fresh = new List<HistoryEvent> { new OrchestratorStarted { Timestamp = now } };
        var outbox = new List<OutboundMessage>();
        var duplicates = new List<string>();
        var toInbox = new List<TaskMessage>();
        var consumedInbox = new List<string>();
        InstanceState? terminatedWhilePending = null;
        var keysInBatch = new HashSet<string>(StringComparer.Ordinal);
        var droppedStale = false;

        // A start is handled first so the other messages of the batch apply to the new execution.
        foreach (var message in messages.OrderBy(m => m.Event is ExecutionStarted ? 0 : 1))
        {
            // A redelivered copy can share a batch with its original; the executor learns a key only
            // once it applies it, so without this both copies would be applied.
            if (!keysInBatch.Add(message.DedupeKey))
            {
                continue;
            }

            if (executor is null)
            {
                if (message.Event is ExecutionStarted start)
                {
                    if (CanStart(prior, start))
                    {
                        executor = CreateExecutor(session.InstanceId, start);
                        fresh.Add(start with { Timestamp = now });
                        fresh.AddRange(session.Inbox.Select(row => row.Message.Event));
                        consumedInbox.AddRange(session.Inbox.Select(row => row.RowKey));
                    }
                    else if (start.Parent is { } parent && prior is not null && start.ExecutionId != prior.ExecutionId)
                    {
                        outbox.Add(ToParent(parent, new SubOrchestrationFailed(parent.TaskId, new TaskFailureDetails(
                            "OrchestrationAlreadyExists", $"Instance '{session.InstanceId}' already exists and is {prior.Status}.")), now));
                    }
                    else if (prior?.ExecutionId == start.ExecutionId)
                    {
                        duplicates.Add(message.DedupeKey);
                    }

                    continue;
                }

                if (prior is { IsPlaceholder: false, Status: OrchestrationRuntimeStatus.Pending } && message.Event is ExecutionTerminated terminated)
                {
                    terminatedWhilePending = prior with
                    {
                        Status = OrchestrationRuntimeStatus.Terminated,
                        Output = DurableJson.Serialize(terminated.Reason),
                        LastUpdatedAt = now,
                    };
                }
                else if ((prior is null || prior.IsPlaceholder || prior.Status == OrchestrationRuntimeStatus.Pending) && IsKeptUntilStart(message.Event))
                {
                    toInbox.Add(message);
                }

                continue;
            }

            switch (executor.Classify(message))
            {
                case MessageDisposition.Apply:
                    fresh.Add(message.Event);
                    break;
                case MessageDisposition.Duplicate:
                    duplicates.Add(message.DedupeKey);
                    break;
                case MessageDisposition.Stale:
                    droppedStale = true;
                    break;
            }
        }

        if (executor is null)
        {
            return NotRunning(session, prior, toInbox, terminatedWhilePending, outbox, duplicates, now);
        }

        if (fresh.Count == 1)
        {
            return EpisodeResult.Nothing(duplicates, executor) with { DroppedStale = droppedStale };
        }

        var deletes = new List<string>(session.SentOutboxRowKeys);
        deletes.AddRange(consumedInbox);
        deletes.AddRange(session.OtherExecutionRowKeys);
        var collected = session.UnconfirmedOutbox.Where(row => now - row.CreatedAt > UnconfirmedOutboxRetention).Select(row => row.RowKey).ToList();
        deletes.AddRange(collected);

        var history = RunCode(executor, fresh, outbox, now);
        var historySequence = prior is not null && prior.ExecutionId == executor.Started.ExecutionId ? prior.HistorySequence : 0;
        var eventCount = historySequence == 0 ? 0 : prior!.EventCount;
        for (var restarts = 0; executor.Outcome is { Status: OrchestrationRuntimeStatus.ContinuedAsNew } next && restarts < MaxContinueAsNewPerEpisode; restarts++)
        {
            // The finished execution's history is dropped, as Durable Functions does on continue-as-new.
            deletes.AddRange(Enumerable.Range(0, historySequence).Select(i => InstanceStore.HistoryRowKey(executor.Started.ExecutionId, i)));
            var restart = new ExecutionStarted(executor.Started.Name, Guid.NewGuid().ToString("N"), next.ContinueAsNewInput, executor.Started.Parent) { Timestamp = now };
            var carried = next.CarriedOverEvents ?? [];
            executor = CreateExecutor(session.InstanceId, restart);
            history = RunCode(executor, [new OrchestratorStarted { Timestamp = now }, restart, .. carried], outbox, now);
            historySequence = 0;
            eventCount = 0;
        }

        if (executor.Outcome is { } outcome && outcome.Status != OrchestrationRuntimeStatus.ContinuedAsNew)
        {
            history.Add(new ExecutionCompleted(outcome.Status, outcome.Output, outcome.Failure) { Timestamp = now });
            if (executor.Started.Parent is { } parent)
            {
                outbox.Add(ToParent(parent, outcome.Status == OrchestrationRuntimeStatus.Completed
                    ? new SubOrchestrationCompleted(parent.TaskId, outcome.Output)
                    : new SubOrchestrationFailed(parent.TaskId, outcome.Failure ?? new TaskFailureDetails("Terminated", $"Sub-orchestration was {outcome.Status}.")), now));
            }
        }

        var outboxSequence = prior?.OutboxSequence ?? 0;
        var state = new InstanceState(
            session.InstanceId,
            executor.Started.Name,
            executor.Started.ExecutionId,
            executor.Outcome?.Status ?? (executor.IsSuspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running),
            prior is { IsPlaceholder: false } ? prior.CreatedAt : now,
            now)
        {
            Input = executor.Started.Input,
            Output = executor.Outcome?.Output,
            Failure = executor.Outcome?.Failure,
            CustomStatus = executor.CustomStatus,
            ParentInstanceId = executor.Started.Parent?.InstanceId,
            HistorySequence = historySequence + 1,
            OutboxSequence = outboxSequence + (outbox.Count > 0 ? 1 : 0),
            EventCount = eventCount + history.Count,
        };

        var outboxRow = outbox.Count == 0 ? null : new OutboxRow(
            InstanceStore.OutboxRowKey(outboxSequence),
            outbox,
            [.. messages.Select(m => m.DedupeKey).Distinct()],
            now);
        var checkpoint = new Checkpoint(state, prior is null ? null : session.ETag, history, outboxRow, [], deletes);
        return new EpisodeResult(checkpoint, outbox, duplicates, executor, consumedInbox, collected);
    }

    private static List<HistoryEvent> RunCode(OrchestrationExecutor executor, IReadOnlyList<HistoryEvent> fresh, List<OutboundMessage> outbox, DateTime now)
    {
        var actions = executor.ApplyNew(fresh);
        var history = new List<HistoryEvent>(fresh);
        foreach (var action in actions)
        {
            history.Add(action.ToHistoryEvent(now));
            outbox.Add(ToOutbound(executor, action, now));
        }

        return history;
    }

    private static EpisodeResult NotRunning(
        InstanceSession session, InstanceState? prior, List<TaskMessage> toInbox, InstanceState? terminated,
        List<OutboundMessage> outbox, List<string> duplicates, DateTime now)
    {
        if (terminated is not null)
        {
            return new EpisodeResult(new Checkpoint(terminated, session.ETag, [], null, [], []), [], duplicates, null, [], []);
        }

        if (toInbox.Count > 0)
        {
            // Writing the state row too (a placeholder if need be) makes a concurrent start see a changed
            // ETag and reload, so these events cannot slip past it.
            var state = prior ?? InstanceState.Placeholder(session.InstanceId, now);
            var inbox = toInbox.Select(m => new InboxRow(InstanceStore.InboxRowKey(m), m)).ToList();
            return new EpisodeResult(new Checkpoint(state, prior is null ? null : session.ETag, [], null, inbox, []), [], duplicates, null, [], []);
        }

        // Only a refusal to a parent may remain; it needs no checkpoint because nothing here changed.
        return new EpisodeResult(null, outbox, duplicates, null, [], []);
    }

    private static bool CanStart(InstanceState? prior, ExecutionStarted start) => prior switch
    {
        null => true,
        { IsPlaceholder: true } => true,
        { Status: OrchestrationRuntimeStatus.Pending } => prior.ExecutionId == start.ExecutionId,
        _ when prior.Status.IsTerminal() => start.Parent is not null && prior.ExecutionId != start.ExecutionId,
        _ => false,
    };

    private static bool IsKeptUntilStart(HistoryEvent historyEvent) =>
        historyEvent is EventRaised or ExecutionSuspended or ExecutionResumed or ExecutionTerminated;

    private static OutboundMessage ToParent(ParentInstance parent, HistoryEvent result, DateTime now) =>
        new(MessageTarget.Control, TaskMessage.Create(parent.InstanceId, parent.ExecutionId, result with { Timestamp = now }, now));

    private static OutboundMessage ToOutbound(OrchestrationExecutor executor, OrchestratorAction action, DateTime now)
    {
        var instanceId = executor.InstanceId;
        var executionId = executor.Started.ExecutionId;
        return action switch
        {
            ScheduleTaskAction a => new(MessageTarget.WorkItem,
                TaskMessage.Create(instanceId, executionId, new TaskScheduled(a.Id, a.Name, a.Input) { Timestamp = now }, now)),
            CreateSubOrchestrationAction a => new(MessageTarget.Control,
                TaskMessage.Create(a.InstanceId, null, new ExecutionStarted(a.Name, Guid.NewGuid().ToString("N"), a.Input, new ParentInstance(instanceId, executionId, a.Id)) { Timestamp = now }, now)),
            CreateTimerAction a => new(MessageTarget.Control,
                TaskMessage.Create(instanceId, executionId, new TimerFired(a.Id, a.FireAt) { Timestamp = now }, now), a.FireAt),
            SendEventAction a => new(MessageTarget.Control,
                TaskMessage.Create(a.InstanceId, null, new EventRaised(a.Name, a.Input, $"{instanceId}:{executionId}:{a.Id}") { Timestamp = now }, now)),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
