using System.Net;
using Deployments.Drivers.Tests.Support;
using Deployments.Drivers.Webhooks;

namespace Deployments.Drivers.Tests.Webhooks;

public sealed class WebhookDriverTests
{
    [Fact]
    public async Task Place_list_and_stop_round_trip_through_the_platform_with_every_request_signed()
    {
        await using var scope = await WebhookPlatformScope.StartAsync();

        var first = await scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-a", ("LOG_LEVEL", "debug")));
        var second = await scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-b"));
        var listed = await scope.ListAsync();
        await scope.StopAsync(first);
        var afterStop = await scope.ListAsync();

        Assert.Equal($"{scope.Platform.BaseUrl}/apps/alloc-a", first.Address);
        Assert.Equal($"{scope.Platform.BaseUrl}/allocations/alloc-a/health", first.HealthUrl);
        Assert.Equal(["alloc-a", "alloc-b"], listed.Select(a => a.AllocationId).Order());
        Assert.Equal(second.Address, Assert.Single(afterStop).Address);
        var stored = Assert.Single(scope.Platform.Allocations);
        Assert.Equal(("alloc-b", "deployment-1", "checkout", "web", 3), (stored.AllocationId, stored.DeploymentId, stored.AppName, stored.Group, stored.Revision));
        Assert.Equal(0, scope.Platform.Counters.RejectedSignatures);
        Assert.Equal(2, scope.Platform.Counters.Places);
        Assert.Equal(1, scope.Platform.Counters.Stops);
        Assert.Equal(5, scope.Platform.ReceivedRequestIds.Distinct().Count());
    }

    [Fact]
    public async Task Placing_again_returns_the_same_allocation_and_stopping_again_is_fine()
    {
        await using var scope = await WebhookPlatformScope.StartAsync();
        var spec = WebhookPlatformScope.Spec("alloc-again");

        var first = await scope.PlaceAsync(spec);
        var again = await scope.PlaceAsync(spec);
        await scope.StopAsync(first);
        await scope.StopAsync(first);

        Assert.Equal(first, again);
        Assert.Empty(scope.Platform.Allocations);
        Assert.Equal(1, scope.Platform.Counters.Stops);
    }

    [Fact]
    public async Task Transient_503s_are_retried_under_one_request_id_until_the_platform_answers()
    {
        await using var scope = await WebhookPlatformScope.StartAsync();
        scope.Platform.FailNextRequests(2, 503);

        var placement = await scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-retried"));

        Assert.Equal("alloc-retried", placement.AllocationId);
        Assert.Equal(3, scope.Platform.Counters.Requests);
        Assert.Equal(2, scope.Platform.Counters.InjectedFailures);
        Assert.Single(scope.Platform.ReceivedRequestIds.Distinct());
        Assert.Single(scope.Platform.Allocations);
    }

    [Fact]
    public async Task Retries_give_up_after_the_configured_attempts_with_the_last_status()
    {
        await using var scope = await WebhookPlatformScope.StartAsync(configure: options => options.MaxAttempts = 3);
        scope.Platform.FailNextRequests(10, 502);

        var error = await Assert.ThrowsAsync<TargetPlatformException>(() => scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-down")));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, scope.Platform.Counters.Requests);
        Assert.Contains("HTTP 502 after 3 attempt(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var scope = await WebhookPlatformScope.StartAsync();
        scope.Platform.FailNextRequests(1, 400);

        var error = await Assert.ThrowsAsync<TargetPlatformException>(() => scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-bad")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(1, scope.Platform.Counters.Requests);
    }

    [Fact]
    public async Task Unreachable_platform_fails_after_retries_with_a_clear_error()
    {
        await using var scope = await WebhookPlatformScope.StartAsync(configure: options => options.MaxAttempts = 2);
        var endpoint = scope.Platform.BaseUrl;
        await scope.Platform.DisposeAsync();

        var error = await Assert.ThrowsAsync<TargetPlatformException>(() => scope.ListAsync());

        Assert.Null(error.StatusCode);
        Assert.Equal(2, error.Attempts);
        Assert.Contains(endpoint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_secret_is_rejected_by_the_platform_and_surfaced_without_the_secret()
    {
        const string WrongSecret = "not-the-platform-secret";
        await using var scope = await WebhookPlatformScope.StartAsync(driverSecret: WrongSecret);

        var error = await Assert.ThrowsAsync<TargetPlatformException>(() => scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-unsigned")));

        Assert.True(error.IsSignatureRejected);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("rejected the request signature", error.Message, StringComparison.Ordinal);
        Assert.Contains("stub-cluster", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, scope.Platform.Counters.RejectedSignatures);
        Assert.Empty(scope.Platform.Allocations);
        Assert.DoesNotContain(WrongSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(scope.Logs.Lines, line => line.Contains(WrongSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secret_appears_in_no_log_line_even_when_requests_are_retried()
    {
        await using var scope = await WebhookPlatformScope.StartAsync();
        scope.Platform.FailNextRequests(1, 503);

        await scope.PlaceAsync(WebhookPlatformScope.Spec("alloc-logged"));

        Assert.Contains(scope.Logs.Lines, line => line.Contains("retrying", StringComparison.Ordinal));
        Assert.DoesNotContain(scope.Logs.Lines, line => line.Contains(scope.Platform.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_settings_fail_naming_the_setting_but_not_any_value()
    {
        await using var scope = await WebhookPlatformScope.StartAsync();
        var noSecret = new ClusterTarget("half-configured", "webhook", new Dictionary<string, string> { ["endpoint"] = scope.Platform.BaseUrl });

        var error = await Assert.ThrowsAsync<TargetDriverConfigurationException>(
            () => scope.Driver.ListAsync(noSecret, TestContext.Current.CancellationToken));

        Assert.Equal("Cluster 'half-configured': setting 'secret' is required by the webhook driver.", error.Message);
    }
}
