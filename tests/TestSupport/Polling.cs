using Xunit;

namespace TestSupport;

/// <summary>Waits for a condition by polling it, bounded by a deadline: never a fixed sleep.</summary>
public static class Polling
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads <paramref name="probe"/> until <paramref name="done"/> holds for what it returned, and returns that;
    /// at the deadline, fails naming <paramref name="what"/> and the last value seen.
    /// The wait also ends (with <see cref="OperationCanceledException"/>) when the running test is cancelled.
    /// </summary>
    /// <param name="describe">
    /// How the timeout message shows the last value seen, where its <c>ToString</c> says too much or too little,
    /// or to add what explains the failure, such as a process's output.
    /// </param>
    public static async Task<T> UntilAsync<T>(
        string what, Func<CancellationToken, Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, TimeSpan? interval = null,
        Func<T, string>? describe = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var testCancelled = TestContext.Current.CancellationToken;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(testCancelled);
        deadline.CancelAfter(limit);
        var last = default(T);
        var seen = false;
        try
        {
            while (true)
            {
                last = await probe(deadline.Token);
                seen = true;
                if (done(last))
                {
                    return last;
                }

                await Task.Delay(interval ?? DefaultInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !testCancelled.IsCancellationRequested)
        {
            var lastSeen = seen && describe is not null ? describe(last!) : last?.ToString() ?? "nothing";
            throw new TimeoutException($"Timed out after {limit} waiting for {what}; last seen: {lastSeen}.");
        }
    }

    /// <summary>
    /// Reads <paramref name="probe"/> until it returns a value (not null), and returns that;
    /// at the deadline, fails naming <paramref name="what"/>.
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        string what, Func<CancellationToken, Task<T?>> probe, TimeSpan? timeout = null, TimeSpan? interval = null)
        where T : class =>
        (await UntilAsync(what, probe, found => found is not null, timeout, interval))!;

    /// <summary>Checks an in-memory condition until it holds (set by work running elsewhere), bounded by the deadline.</summary>
    public static Task UntilAsync(string what, Func<bool> condition, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        UntilAsync(what, _ => Task.FromResult(condition()), met => met, timeout, interval);
}
