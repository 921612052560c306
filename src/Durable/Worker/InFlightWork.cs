namespace Durable.Worker;

/// <summary>Counts work a worker has started, so shutdown can wait for it to finish.</summary>
internal sealed class InFlightWork
{
    private readonly Lock gate = new();
    private int count;
    private TaskCompletionSource idle = Completed();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    public void Track(Task work)
    {
        lock (gate)
        {
            if (count++ == 0)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        work.ContinueWith(finished =>
        {
            // Failures were logged and their messages released where they happened; observe them here.
            _ = finished.Exception;
            lock (gate)
            {
                if (--count == 0)
                {
                    idle.TrySetResult();
                }
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return idle.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
