using System.Net;
using Deployments.Drivers.Webhooks;

namespace Deployments.Drivers.Tests.Webhooks;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(1, 0.0, 100)]
    [InlineData(1, 1.0, 200)]
    [InlineData(2, 0.0, 200)]
    [InlineData(3, 0.5, 600)]
    [InlineData(10, 1.0, 2000)]
    public void Delay_doubles_per_retry_with_half_of_it_jittered_and_is_capped(int retry, double jitter, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryBackoff.Delay(retry, First, Max, jitter));
    }

    [Fact]
    public void Retry_after_from_the_platform_is_honoured_up_to_the_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RetryBackoff.Delay(1, First, Max, 0, TimeSpan.FromSeconds(1)));
        Assert.Equal(Max, RetryBackoff.Delay(1, First, Max, 0, TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void Only_timeouts_throttling_and_server_errors_are_transient(HttpStatusCode status, bool transient)
    {
        Assert.Equal(transient, TransientFailure.IsTransient(status));
    }
}
