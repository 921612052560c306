namespace Deployments.Drivers.Webhooks;

/// <summary>
/// Exponential backoff with "equal jitter": half the delay is fixed, half random, so hundreds of rollouts that met the
/// same platform hiccup do not all come back in the same instant.
/// </summary>
internal static class RetryBackoff
{
    /// <param name="retry">1 for the wait before the second attempt, 2 before the third, ...</param>
    /// <param name="jitter">In [0, 1): the random share; tests pass fixed values.</param>
    /// <param name="retryAfter">What the platform asked for (Retry-After), honoured up to <paramref name="max"/>.</param>
    public static TimeSpan Delay(int retry, TimeSpan first, TimeSpan max, double jitter, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * jitter));
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < max ? asked : max;
        }

        return delay;
    }
}
