using Durable.Messaging;
using Microsoft.Extensions.Logging;

namespace Durable.Replay;

/// <summary>
/// Runs one execution of an orchestrator against its history. Past events are replayed to rebuild the
/// code's state; new events drive it forward and the actions it then asks for are the episode's output.
/// Kept alive between episodes by the orchestration cache, so a warm instance only ever sees new events.
/// </summary>
internal sealed class OrchestrationExecutor
{
    private readonly ReplayTaskScheduler scheduler = new();
    private readonly ITaskOrchestrator? orchestrator;
    private readonly ReplayOrchestrationContext context;
    private readonly SortedDictionary<int, OrchestratorAction> unconfirmed = [];
    private readonly Dictionary<int, OpenTask> open = [];
    private readonly HashSet<int> recordedTaskIds = [];
    private readonly HashSet<int> finishedTaskIds = [];
    private readonly HashSet<string> seenEventIds = [];
    private readonly List<EventRaised> bufferedEvents = [];
    private readonly Dictionary<string, Queue<TaskCompletionSource<string?>>> eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<HistoryEvent> heldWhileSuspended = new();
    private Task<object?>? running;
    private int nextTaskId;
    private (string? Input, bool PreserveEvents)? continueAsNew;

    public OrchestrationExecutor(string instanceId, ExecutionStarted started, ITaskOrchestrator? orchestrator, ILoggerFactory loggerFactory)
    {
        InstanceId = instanceId;
        Started = started;
        this.orchestrator = orchestrator;
        context = new ReplayOrchestrationContext(this, loggerFactory);
    }

    public string InstanceId { get; }

    public ExecutionStarted Started { get; }

    public bool IsReplaying { get; private set; }

    public DateTime CurrentUtcDateTime { get; private set; }

    public string? CustomStatus { get; set; }

    public bool IsSuspended { get; private set; }

    public ExecutionOutcome? Outcome { get; private set; }

    public int AppliedEventCount { get; private set; }

    /// <summary>Rebuilds state from recorded history; actions asked for here were already recorded.</summary>
    public void Replay(IEnumerable<HistoryEvent> past)
    {
        IsReplaying = true;
        foreach (var historyEvent in past)
        {
            Apply(historyEvent);
        }

        IsReplaying = false;
    }

    /// <summary>Applies new events and returns the actions the code asked for that history has not recorded yet.</summary>
    public IReadOnlyList<OrchestratorAction> ApplyNew(IEnumerable<HistoryEvent> fresh)
    {
        IsReplaying = false;
        foreach (var historyEvent in fresh)
        {
            Apply(historyEvent);
        }

        var actions = unconfirmed.Values.ToList();
        foreach (var action in actions)
        {
            recordedTaskIds.Add(action.Id);
        }

        unconfirmed.Clear();
        return actions;
    }

    /// <summary>Classifies a delivered message against what this execution has already recorded.</summary>
    public MessageDisposition Classify(TaskMessage message)
    {
        if (message.Event is ExecutionStarted started)
        {
            return started.ExecutionId == Started.ExecutionId ? MessageDisposition.Duplicate : MessageDisposition.Stale;
        }

        if (message.ExecutionId is not null && message.ExecutionId != Started.ExecutionId)
        {
            return MessageDisposition.Stale;
        }

        return message.Event switch
        {
            EventRaised raised => seenEventIds.Contains(raised.MessageId) ? MessageDisposition.Duplicate : MessageDisposition.Apply,
            _ when CompletedTaskId(message.Event) is { } taskId =>
                finishedTaskIds.Contains(taskId) ? MessageDisposition.Duplicate
                : recordedTaskIds.Contains(taskId) ? MessageDisposition.Apply
                : MessageDisposition.Stale,
            ExecutionSuspended when IsSuspended => MessageDisposition.Stale,
            ExecutionResumed when !IsSuspended => MessageDisposition.Stale,
            _ => MessageDisposition.Apply,
        };
    }

    internal Task<string?> Schedule(Func<int, OrchestratorAction> create, CancellationToken cancellationToken = default)
    {
        var action = create(nextTaskId++);
        unconfirmed[action.Id] = action;
        if (action is SendEventAction)
        {
            return Task.FromResult<string?>(null);
        }

        var completion = new TaskCompletionSource<string?>();
        open[action.Id] = new OpenTask(action, completion);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (open.Remove(action.Id))
                {
                    completion.TrySetCanceled(cancellationToken);
                }
            });
        }

        return completion.Task;
    }

    internal Task<string?> WaitForEvent(string name, CancellationToken cancellationToken)
    {
        var buffered = bufferedEvents.FindIndex(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (buffered >= 0)
        {
            var input = bufferedEvents[buffered].Input;
            bufferedEvents.RemoveAt(buffered);
            return Task.FromResult(input);
        }

        var waiter = new TaskCompletionSource<string?>();
        if (!eventWaiters.TryGetValue(name, out var waiters))
        {
            eventWaiters[name] = waiters = new Queue<TaskCompletionSource<string?>>();
        }

        waiters.Enqueue(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        }

        return waiter.Task;
    }

    internal void RequestContinueAsNew(string? input, bool preserveUnprocessedEvents) =>
        continueAsNew = (input, preserveUnprocessedEvents);

    private void Apply(HistoryEvent historyEvent)
    {
        if (Outcome is not null)
        {
            // Events that come after the code continued as new in the same step belong to the next execution.
            if (Outcome.Status == OrchestrationRuntimeStatus.ContinuedAsNew && continueAsNew is { PreserveEvents: true } && historyEvent is EventRaised late)
            {
                Outcome = Outcome with { CarriedOverEvents = [.. Outcome.CarriedOverEvents ?? [], late] };
            }

            return;
        }

        AppliedEventCount++;
        try
        {
            Record(historyEvent);
            if (IsSuspended && IsHeldWhileSuspended(historyEvent))
            {
                heldWhileSuspended.Enqueue(historyEvent);
                return;
            }

            Deliver(historyEvent);
            scheduler.RunUntilBlocked();
            DetectCompletion();
        }
        catch (NonDeterministicOrchestrationException nonDeterminism)
        {
            Outcome = ExecutionOutcome.Failed(TaskFailureDetails.FromException(nonDeterminism));
        }
    }

    /// <summary>Updates what is known to be recorded, so redelivered messages can be recognised.</summary>
    private void Record(HistoryEvent historyEvent)
    {
        switch (historyEvent)
        {
            case EventRaised raised:
                seenEventIds.Add(raised.MessageId);
                break;
            case var completion when CompletedTaskId(completion) is { } taskId:
                finishedTaskIds.Add(taskId);
                break;
        }
    }

    private void Deliver(HistoryEvent historyEvent)
    {
        switch (historyEvent)
        {
            case OrchestratorStarted started:
                CurrentUtcDateTime = started.Timestamp;
                break;
            case ExecutionStarted:
                Start();
                break;
            case TaskScheduled or SubOrchestrationCreated or TimerCreated or EventSent:
                Confirm(historyEvent);
                break;
            case TaskCompleted e:
                Complete(e.TaskScheduledId, task => task.TrySetResult(e.Result));
                break;
            case TaskFailed e:
                Complete(e.TaskScheduledId, task => task.Completion.TrySetException(new TaskFailedException(task.Name, e.TaskScheduledId, e.Failure)));
                break;
            case SubOrchestrationCompleted e:
                Complete(e.TaskScheduledId, task => task.TrySetResult(e.Result));
                break;
            case SubOrchestrationFailed e:
                Complete(e.TaskScheduledId, task => task.Completion.TrySetException(new SubOrchestrationFailedException(task.Name, task.ChildInstanceId ?? "", e.Failure)));
                break;
            case TimerFired e:
                Complete(e.TimerId, task => task.TrySetResult(null));
                break;
            case EventRaised e:
                DeliverEvent(e);
                break;
            case ExecutionSuspended:
                IsSuspended = true;
                break;
            case ExecutionResumed:
                IsSuspended = false;
                while (heldWhileSuspended.TryDequeue(out var held))
                {
                    Deliver(held);
                    scheduler.RunUntilBlocked();
                }

                break;
            case ExecutionTerminated e:
                Outcome = ExecutionOutcome.Terminated(e.Reason);
                break;
        }
    }

    private void Start()
    {
        if (orchestrator is null)
        {
            Outcome = ExecutionOutcome.Failed(new TaskFailureDetails("OrchestratorNotRegistered", $"No orchestrator named '{Started.Name}' is registered on this worker."));
            return;
        }

        object? input;
        try
        {
            input = DurableJson.Deserialize(Started.Input, orchestrator.InputType);
        }
        catch (System.Text.Json.JsonException invalid)
        {
            Outcome = ExecutionOutcome.Failed(TaskFailureDetails.FromException(invalid));
            return;
        }

        running = scheduler.Run(() => orchestrator.RunAsync(context, input));
    }

    private void Confirm(HistoryEvent recorded)
    {
        var taskId = recorded switch
        {
            TaskScheduled e => e.TaskId,
            SubOrchestrationCreated e => e.TaskId,
            TimerCreated e => e.TaskId,
            EventSent e => e.TaskId,
            _ => throw new ArgumentOutOfRangeException(nameof(recorded)),
        };

        if (!unconfirmed.Remove(taskId, out var action))
        {
            throw new NonDeterministicOrchestrationException(taskId, OrchestratorAction.DescribeRecorded(recorded), "no action at that point");
        }

        if (!action.Matches(recorded))
        {
            throw new NonDeterministicOrchestrationException(taskId, OrchestratorAction.DescribeRecorded(recorded), action.Describe());
        }

        recordedTaskIds.Add(taskId);
    }

    private void Complete(int taskId, Action<OpenTask> complete)
    {
        // A completion for a task that is no longer open belongs to a cancelled timer or wait: recorded, ignored.
        if (open.Remove(taskId, out var task))
        {
            complete(task);
        }
    }

    private void DeliverEvent(EventRaised raised)
    {
        if (eventWaiters.TryGetValue(raised.Name, out var waiters))
        {
            while (waiters.TryDequeue(out var waiter))
            {
                if (waiter.TrySetResult(raised.Input))
                {
                    return;
                }
            }
        }

        bufferedEvents.Add(raised);
    }

    private void DetectCompletion()
    {
        if (Outcome is not null || running is not { IsCompleted: true } finished)
        {
            return;
        }

        if (!finished.IsCompletedSuccessfully)
        {
            var error = finished.Exception?.InnerException ?? new TaskCanceledException("The orchestrator was cancelled.");
            Outcome = ExecutionOutcome.Failed(TaskFailureDetails.FromException(error));
            return;
        }

        if (continueAsNew is { } next)
        {
            var carried = next.PreserveEvents
                ? bufferedEvents.Concat(heldWhileSuspended.OfType<EventRaised>()).ToList()
                : [];
            Outcome = new ExecutionOutcome(OrchestrationRuntimeStatus.ContinuedAsNew, null, null, next.Input, carried);
            return;
        }

        Outcome = ExecutionOutcome.Completed(DurableJson.Serialize(finished.Result));
    }

    private static bool IsHeldWhileSuspended(HistoryEvent historyEvent) =>
        historyEvent is EventRaised or TaskCompleted or TaskFailed or SubOrchestrationCompleted or SubOrchestrationFailed or TimerFired;

    internal static int? CompletedTaskId(HistoryEvent historyEvent) => historyEvent switch
    {
        TaskCompleted e => e.TaskScheduledId,
        TaskFailed e => e.TaskScheduledId,
        SubOrchestrationCompleted e => e.TaskScheduledId,
        SubOrchestrationFailed e => e.TaskScheduledId,
        TimerFired e => e.TimerId,
        _ => null,
    };

    private sealed record OpenTask(OrchestratorAction Action, TaskCompletionSource<string?> Completion)
    {
        public string Name => Action switch
        {
            ScheduleTaskAction a => a.Name,
            CreateSubOrchestrationAction a => a.Name,
            _ => Action.GetType().Name,
        };

        public string? ChildInstanceId => (Action as CreateSubOrchestrationAction)?.InstanceId;

        public void TrySetResult(string? result) => Completion.TrySetResult(result);
    }
}

internal enum MessageDisposition
{
    /// <summary>New to this execution: append to history and deliver.</summary>
    Apply,

    /// <summary>Already in history: a redelivery, which hints the sender's episode may not have finished sending.</summary>
    Duplicate,

    /// <summary>Meant for another execution or no longer meaningful: drop.</summary>
    Stale,
}
