namespace Durable;

/// <summary>The untyped form the engine calls; implement <see cref="TaskActivity{TInput, TOutput}"/> instead.</summary>
public interface ITaskActivity
{
    Type InputType { get; }

    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>
/// A class-based activity: where the real I/O happens. Activities run at least once, so they must be
/// idempotent. Instances are created per call through dependency injection.
/// </summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    Type ITaskActivity.InputType => typeof(TInput);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input);

    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);
}

/// <summary>What an activity knows about the call it serves.</summary>
public sealed record TaskActivityContext(string Name, string InstanceId, string ExecutionId, int TaskId, CancellationToken CancellationToken)
{
    /// <summary>Stable across re-deliveries of the same call: a natural idempotency key for side effects.</summary>
    public string IdempotencyKey => $"{InstanceId}:{ExecutionId}:{TaskId}";
}
