using Deployments.Drivers.Tests.Support;
using Deployments.Drivers.Webhooks;
using Microsoft.Extensions.Time.Testing;
using StubPlatform;

namespace Deployments.Drivers.Tests.Webhooks;

public sealed class WebhookDriverHealthTests
{
    [Fact]
    public async Task Health_url_reports_starting_as_pending_then_healthy_once_the_platform_says_so()
    {
        // The stub's clock is fake but starts now, so the driver's real-time signatures stay fresh to it.
        var platformTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var scope = await WebhookPlatformScope.StartAsync(new StubPlatformOptions { HealthyAfter = TimeSpan.FromSeconds(30), Time = platformTime });
        var placement = await scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-warming"));

        var starting = await scope.HealthAsync(placement);
        platformTime.Advance(TimeSpan.FromSeconds(31));
        var started = await scope.HealthAsync(placement);

        Assert.Equal(HealthState.Pending, starting.State);
        Assert.Equal(HealthState.Healthy, started.State);
        Assert.Equal(0, scope.Platform.Counters.RejectedSignatures);
    }

    [Fact]
    public async Task Allocation_with_FAIL_HEALTH_is_unhealthy()
    {
        await using var scope = await WebhookPlatformScope.StartAsync();
        var placement = await scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-broken", ("FAIL_HEALTH", "true")));

        var report = await scope.HealthAsync(placement);

        Assert.Equal(HealthState.Unhealthy, report.State);
        Assert.Contains("503", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_follows_the_platform_when_it_turns_unhealthy_and_is_lost_once_stopped()
    {
        await using var scope = await WebhookPlatformScope.StartAsync();
        var placement = await scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-flaky"));

        var before = await scope.HealthAsync(placement);
        scope.Platform.SetHealth("alloc-flaky", false);
        var during = await scope.HealthAsync(placement);
        await scope.StopAsync(placement);
        var after = await scope.HealthAsync(placement);

        Assert.Equal([HealthState.Healthy, HealthState.Unhealthy, HealthState.Lost], [before.State, during.State, after.State]);
    }

    [Fact]
    public async Task Without_a_health_url_health_is_left_to_the_platform()
    {
        await using var scope = await WebhookPlatformScope.StartAsync(new StubPlatformOptions { ReturnHealthUrl = false });
        var placement = await scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-reported"));
        var requestsBefore = scope.Platform.Counters.Requests;

        var report = await scope.HealthAsync(placement);

        Assert.Null(placement.HealthUrl);
        Assert.Equal(new HealthReport("alloc-reported", HealthState.Pending, WebhookTargetDriver.PlatformReportedHealthDetail), report);
        Assert.Equal(requestsBefore, scope.Platform.Counters.Requests);
    }
}
