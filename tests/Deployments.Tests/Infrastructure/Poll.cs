namespace Deployments.Tests.Infrastructure;

/// <summary>Waits for a condition by polling it, bounded by a deadline: never a fixed sleep.</summary>
internal static class Poll
{
    /// <summary>Polls <paramref name="probe"/> until it returns a value; fails naming <paramref name="what"/> at the deadline.</summary>
    public static async Task<T> UntilAsync<T>(string what, Func<CancellationToken, Task<T?>> probe, TimeSpan? timeout = null)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout ?? DeploymentsTestHost.DefaultTimeout);
        try
        {
            while (true)
            {
                if (await probe(deadline.Token) is { } found)
                {
                    return found;
                }

                await Task.Delay(100, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out waiting for {what}.");
        }
    }
}
