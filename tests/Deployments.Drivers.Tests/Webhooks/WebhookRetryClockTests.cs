using Deployments.Drivers.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using TestSupport;

namespace Deployments.Drivers.Tests.Webhooks;

public sealed class WebhookRetryClockTests
{
    [Fact]
    public async Task Backoff_waits_on_the_injected_clock_not_on_real_time()
    {
        var driverTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var scope = await WebhookPlatformScope.StartAsync(driverTime: driverTime, configure: options =>
        {
            options.FirstRetryDelay = TimeSpan.FromMinutes(1);
            options.MaxRetryDelay = TimeSpan.FromMinutes(1);
        });
        scope.Platform.FailNextRequests(1, 503);

        var placing = scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-clocked"));
        await Polling.UntilAsync("the first attempt", () => scope.Platform.Counters.Requests == 1, Waits.Timeout, Waits.Interval);

        // A minute of backoff passes only on the fake clock. Advancing may come before the driver arms its timer,
        // so keep nudging until the retry lands; each nudge is bounded and far below the signature tolerance.
        await Polling.UntilAsync("the retry after the fake backoff", () =>
        {
            if (!placing.IsCompleted && driverTime.GetUtcNow() < DateTimeOffset.UtcNow + TimeSpan.FromMinutes(3))
            {
                driverTime.Advance(TimeSpan.FromSeconds(10));
            }

            return placing.IsCompleted;
        }, Waits.Timeout, Waits.Interval);

        Assert.Equal("alloc-clocked", (await placing).AllocationId);
        Assert.Equal(2, scope.Platform.Counters.Requests);
    }
}
