using Deployments.Api.Http;

namespace Deployments.Server.Tests;

public sealed class LongPollTests
{
    [Theory]
    [InlineData("10m")]
    [InlineData("230s")]
    [InlineData("1h")]
    public void Wait_LongerThanTheFunctionsResponseLimit_IsCappedBelowIt(string wait)
    {
        Assert.Equal(LongPoll.MaxWait, LongPoll.WaitFor(wait));
        Assert.True(LongPoll.MaxWait < TimeSpan.FromSeconds(230));
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("5s", 5)]
    [InlineData("3m", 180)]
    public void Wait_WithinTheLimit_IsTakenAsGiven(string? wait, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), LongPoll.WaitFor(wait));
}
