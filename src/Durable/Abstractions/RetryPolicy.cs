namespace Durable;

/// <summary>
/// Declarative retries for activities and sub-orchestrations. Delays are durable timers, so a retry
/// waiting for minutes costs no worker while it waits and survives restarts.
/// </summary>
public sealed record RetryPolicy
{
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan MaxRetryInterval { get; }

    /// <summary>Total time after the first attempt beyond which no retry starts.</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>Which failures are worth retrying; all of them when not set.</summary>
    public Func<TaskFailureDetails, bool> HandleFailure { get; init; } = static _ => true;

    /// <summary>The delay before attempt number <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var exponent = Math.Max(0, nextAttempt - 2);
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, exponent);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Whether a failure of attempt <paramref name="attempt"/>, started <paramref name="elapsed"/> after the first, is retried.</summary>
    public bool ShouldRetry(int attempt, TimeSpan elapsed, TaskFailureDetails failure) =>
        attempt < MaxNumberOfAttempts
        && (RetryTimeout == Timeout.InfiniteTimeSpan || elapsed + DelayBefore(attempt + 1) <= RetryTimeout)
        && HandleFailure(failure);
}
