namespace TestSupport;

/// <summary>Waits for a condition by polling it, bounded by a deadline: never a fixed sleep.</summary>
public static class Polling
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads <paramref name="probe"/> until <paramref name="done"/> holds for what it returned, and returns that;
    /// at the deadline, fails naming <paramref name="what"/> and the last value seen.
    /// </summary>
    public static async Task<T> UntilAsync<T>(string what, Func<CancellationToken, Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var last = default(T);
        try
        {
            while (true)
            {
                last = await probe(deadline.Token);
                if (done(last))
                {
                    return last;
                }

                await Task.Delay(Interval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {timeout ?? DefaultTimeout} waiting for {what}; last seen: {last?.ToString() ?? "nothing"}.");
        }
    }

    /// <summary>Checks an in-memory condition until it holds (set by work running elsewhere), bounded by the deadline.</summary>
    public static Task UntilAsync(string what, Func<bool> condition, TimeSpan? timeout = null) =>
        UntilAsync(what, _ => Task.FromResult(condition()), met => met, timeout);
}
