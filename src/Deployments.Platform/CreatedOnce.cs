namespace Deployments.Platform;

/// <summary>
/// Creates tables once per process: the first caller creates, the others wait for it, and later calls cost
/// nothing. A failed creation (storage briefly away) is not remembered: the next caller tries again, where a
/// cached faulted task would fail every request until the process restarts.
/// </summary>
public sealed class CreatedOnce(Func<CancellationToken, Task> create) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    /// <summary>Creates, unless an earlier call already succeeded; a failure is thrown to this caller only.</summary>
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

    /// <summary>Releases the gate that makes concurrent first callers wait for one creation.</summary>
    public void Dispose() => gate.Dispose();
}
