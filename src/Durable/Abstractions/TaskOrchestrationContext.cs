using Microsoft.Extensions.Logging;

namespace Durable;

/// <summary>
/// What an orchestrator may do. Every call is recorded in the instance's history and replayed, so
/// orchestrator code must be deterministic: use this context for time, ids, waiting and I/O.
/// </summary>
public abstract class TaskOrchestrationContext
{
    public abstract string Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>The parent's instance id when this runs as a sub-orchestration.</summary>
    public abstract string? ParentInstanceId { get; }

    /// <summary>True while the code re-executes steps already recorded in history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The time of the current step, identical on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    public abstract T? GetInput<T>();

    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, SubOrchestrationOptions? options = null);

    public Task CallSubOrchestratorAsync(string name, object? input = null, SubOrchestrationOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(name, input, options);

    /// <summary>A durable timer; cancelling the token completes the task as cancelled without waiting.</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for an event raised to this instance; events raised before the wait are buffered.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="WaitForExternalEvent{T}(string, CancellationToken)"/>; throws <see cref="TaskCanceledException"/> when the timeout passes first.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Raises an event on another instance, fire-and-forget.</summary>
    public abstract void SendEvent(string instanceId, string eventName, object? eventData);

    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Restarts this instance with new input and an empty history once the current code returns.</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A deterministic GUID: the same on every replay of this step.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that stays silent during replay so each line is written once.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);
}
