using System.Text.Json.Serialization;

namespace Durable;

/// <summary>
/// One entry of an instance's event-sourced history. Payloads (inputs, results) are kept as the JSON
/// text they were serialized to, so replay never depends on a type's current shape until it is read.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OrchestratorStarted), nameof(OrchestratorStarted))]
[JsonDerivedType(typeof(ExecutionStarted), nameof(ExecutionStarted))]
[JsonDerivedType(typeof(ExecutionCompleted), nameof(ExecutionCompleted))]
[JsonDerivedType(typeof(ExecutionTerminated), nameof(ExecutionTerminated))]
[JsonDerivedType(typeof(ExecutionSuspended), nameof(ExecutionSuspended))]
[JsonDerivedType(typeof(ExecutionResumed), nameof(ExecutionResumed))]
[JsonDerivedType(typeof(TaskScheduled), nameof(TaskScheduled))]
[JsonDerivedType(typeof(TaskCompleted), nameof(TaskCompleted))]
[JsonDerivedType(typeof(TaskFailed), nameof(TaskFailed))]
[JsonDerivedType(typeof(SubOrchestrationCreated), nameof(SubOrchestrationCreated))]
[JsonDerivedType(typeof(SubOrchestrationCompleted), nameof(SubOrchestrationCompleted))]
[JsonDerivedType(typeof(SubOrchestrationFailed), nameof(SubOrchestrationFailed))]
[JsonDerivedType(typeof(TimerCreated), nameof(TimerCreated))]
[JsonDerivedType(typeof(TimerFired), nameof(TimerFired))]
[JsonDerivedType(typeof(EventRaised), nameof(EventRaised))]
[JsonDerivedType(typeof(EventSent), nameof(EventSent))]
public abstract record HistoryEvent
{
    public DateTime Timestamp { get; init; }
}

/// <summary>Marks the start of an episode; its timestamp is the orchestration's current time.</summary>
public sealed record OrchestratorStarted : HistoryEvent;

public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskId);

public sealed record ExecutionStarted(string Name, string ExecutionId, string? Input, ParentInstance? Parent = null) : HistoryEvent;

public sealed record ExecutionCompleted(OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? Failure) : HistoryEvent;

public sealed record ExecutionTerminated(string? Reason) : HistoryEvent;

public sealed record ExecutionSuspended(string? Reason) : HistoryEvent;

public sealed record ExecutionResumed(string? Reason) : HistoryEvent;

public sealed record TaskScheduled(int TaskId, string Name, string? Input) : HistoryEvent;

public sealed record TaskCompleted(int TaskScheduledId, string? Result) : HistoryEvent;

public sealed record TaskFailed(int TaskScheduledId, TaskFailureDetails Failure) : HistoryEvent;

public sealed record SubOrchestrationCreated(int TaskId, string Name, string InstanceId, string? Input) : HistoryEvent;

public sealed record SubOrchestrationCompleted(int TaskScheduledId, string? Result) : HistoryEvent;

public sealed record SubOrchestrationFailed(int TaskScheduledId, TaskFailureDetails Failure) : HistoryEvent;

public sealed record TimerCreated(int TaskId, DateTime FireAt) : HistoryEvent;

public sealed record TimerFired(int TimerId, DateTime FireAt) : HistoryEvent;

/// <summary>An external event; <see cref="MessageId"/> lets a redelivered copy be recognised and dropped.</summary>
public sealed record EventRaised(string Name, string? Input, string MessageId) : HistoryEvent;

public sealed record EventSent(int TaskId, string InstanceId, string Name, string? Input) : HistoryEvent;
