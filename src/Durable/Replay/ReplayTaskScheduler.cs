namespace Durable.Replay;

/// <summary>
/// Runs orchestrator code one continuation at a time on the caller's thread. Continuations are queued,
/// never inlined, so the engine decides exactly when code runs, which is what makes replay repeatable.
/// </summary>
internal sealed class ReplayTaskScheduler : TaskScheduler
{
    private readonly Queue<Task> ready = new();
    private readonly Lock gate = new();

    public override int MaximumConcurrencyLevel => 1;

    public Task<T> Run<T>(Func<Task<T>> code) =>
        Task.Factory.StartNew(code, CancellationToken.None, TaskCreationOptions.None, this).Unwrap();

    /// <summary>Runs queued continuations until the code waits on something not yet completed.</summary>
    public void RunUntilBlocked()
    {
        while (true)
        {
            Task? next;
            lock (gate)
            {
                if (!ready.TryDequeue(out next))
                {
                    return;
                }
            }

            TryExecuteTask(next);
        }
    }

    protected override void QueueTask(Task task)
    {
        lock (gate)
        {
            ready.Enqueue(task);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (gate)
        {
            return [.. ready];
        }
    }
}
