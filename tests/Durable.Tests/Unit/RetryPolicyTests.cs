namespace Durable.Tests.Unit;

public sealed class RetryPolicyTests
{
    private static readonly TaskFailureDetails AnyFailure = new("System.InvalidOperationException", "boom");

    [Fact]
    public void DelayBefore_GrowsByTheBackoffCoefficientFromTheFirstInterval()
    {
        var policy = new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2);

        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)],
            Enumerable.Range(2, 4).Select(policy.DelayBefore));
    }

    [Fact]
    public void DelayBefore_IsCappedAtTheMaxRetryInterval()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(1), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(3), policy.DelayBefore(3));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.DelayBefore(4));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.DelayBefore(60));
    }

    [Fact]
    public void DelayBefore_WithoutBackoff_StaysAtTheFirstInterval()
    {
        var policy = new RetryPolicy(4, TimeSpan.FromMilliseconds(250));

        Assert.All(Enumerable.Range(2, 3), attempt => Assert.Equal(TimeSpan.FromMilliseconds(250), policy.DelayBefore(attempt)));
    }

    [Fact]
    public void ShouldRetry_StopsAtTheMaxNumberOfAttempts()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(1));

        Assert.True(policy.ShouldRetry(1, TimeSpan.Zero, AnyFailure));
        Assert.True(policy.ShouldRetry(2, TimeSpan.Zero, AnyFailure));
        Assert.False(policy.ShouldRetry(3, TimeSpan.Zero, AnyFailure));
    }

    [Fact]
    public void ShouldRetry_RefusesARetryThatWouldStartAfterTheRetryTimeout()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(1), backoffCoefficient: 2, retryTimeout: TimeSpan.FromSeconds(5));

        // Attempt 2 failed 2 s after the first: the next delay is 2 s, so attempt 3 starts at 4 s (in time).
        Assert.True(policy.ShouldRetry(2, TimeSpan.FromSeconds(2), AnyFailure));

        // Attempt 3 failed at 3 s: the next delay is 4 s, so attempt 4 would start at 7 s (too late).
        Assert.False(policy.ShouldRetry(3, TimeSpan.FromSeconds(3), AnyFailure));
    }

    [Fact]
    public void ShouldRetry_AsksTheFailureFilter()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = failure => failure.ErrorType != "System.ArgumentException" };

        Assert.True(policy.ShouldRetry(1, TimeSpan.Zero, AnyFailure));
        Assert.False(policy.ShouldRetry(1, TimeSpan.Zero, new TaskFailureDetails("System.ArgumentException", "bad input")));
    }

    [Fact]
    public void Constructor_RejectsSettingsThatCannotMakeSense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.FromSeconds(1), backoffCoefficient: 0.5));
    }
}
