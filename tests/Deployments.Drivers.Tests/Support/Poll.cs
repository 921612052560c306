namespace Deployments.Drivers.Tests.Support;

/// <summary>Waits for a condition by asking again until a deadline: tests never sleep a guessed duration.</summary>
internal static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    /// <summary>Returns the first value that satisfies <paramref name="done"/>; fails with the last one seen at the deadline.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string waitingFor, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Timed out waiting for {waitingFor}; last value: {value}");
            }

            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string waitingFor, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), done => done, waitingFor, timeout);
}
