namespace Deployments.Storage;

/// <summary>
/// Creates tables once per process, for every store of the app: the first caller creates, the others wait for it,
/// and later calls cost nothing. A failed creation (storage briefly away) is not remembered: the next caller tries
/// again, where a cached faulted task would fail every request until the process restarts.
/// </summary>
public sealed class CreatedOnce(Func<CancellationToken, Task> create) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await create(cancellationToken);
                created = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
