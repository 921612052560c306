namespace Deployments.Drivers.Processes;

/// <summary>
/// Serialises place/stop/clean-up of one allocation id across threads and host processes. .NET opens a file with
/// FileShare.None under an exclusive flock(2) on Unix, which the kernel releases if the holder dies, so a crashed host
/// never leaves the allocation locked. Lock files are never deleted: deleting one while another waits would let two in.
/// </summary>
internal sealed class AllocationLock : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(20);

    private readonly FileStream _file;

    private AllocationLock(FileStream file) => _file = file;

    public static async Task<AllocationLock> AcquireAsync(string path, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var acquired = TryAcquire(path);
            if (acquired is not null)
            {
                return acquired;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"Could not lock '{path}' within {timeout.TotalSeconds} s: another operation on the allocation is still running.");
            }

            await Task.Delay(RetryInterval, time, ct);
        }
    }

    /// <summary>Null when someone else holds the lock.</summary>
    public static AllocationLock? TryAcquire(string path)
    {
        try
        {
            return new AllocationLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
