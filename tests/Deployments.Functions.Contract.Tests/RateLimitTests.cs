using System.Net;
using Deployments.Functions.Contract.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>What reaches the API without a valid key is limited: failed key checks per address, webhook deliveries per sender.</summary>
public sealed class RateLimitTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_address_whose_keys_keep_failing_gets_429_with_retry_after_even_with_the_right_key_until_its_window_ends()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["RateLimits:FailedAuthentication:PermitLimit"] = "3",
            ["RateLimits:FailedAuthentication:Window"] = "00:10:00",
        });
        using var guesser = host.WithKey("guessed-key-0123456789");
        using var admin = host.WithKey();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await guesser.GetAsync("/api/clusters", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        using var refused = await admin.GetAsync("/api/clusters", TestContext.Current.CancellationToken);
        using var health = await host.Anonymous().GetAsync("/api/health/live", TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        await AssertTooManyRequestsAsync(refused);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Successful_requests_spend_nothing_of_the_failed_authentication_limit()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["RateLimits:FailedAuthentication:PermitLimit"] = "1",
            ["RateLimits:FailedAuthentication:Window"] = "00:10:00",
        });
        using var admin = host.WithKey();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await admin.GetAsync("/api/clusters", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_webhook_sender_over_its_limit_gets_429_with_retry_after_before_its_signature_is_checked()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["RateLimits:Webhooks:PermitLimit"] = "2",
            ["RateLimits:Webhooks:Window"] = "00:10:00",
        });
        using var anonymous = host.Anonymous();
        const string payload = """{"app": "nothing-here", "version": "v1"}""";

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await anonymous.SendAsync(Signed.Hook("/api/hooks/generic", payload, $"flood-{attempt}", secret: "forged-secret"), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        using var otherKind = await anonymous.SendAsync(Signed.Hook("/api/hooks/github", payload, "flood-github", secret: "forged-secret", githubEvent: "deployment"), TestContext.Current.CancellationToken);
        using var limited = await anonymous.SendAsync(Signed.Hook("/api/hooks/generic", payload, "flood-last"), TestContext.Current.CancellationToken);
        // Routes match whatever the path's case; the limit is the route's, so another spelling is no fresh budget.
        using var respelled = await anonymous.SendAsync(Signed.Hook("/api/HOOKS/Generic", payload, "flood-respelled"), TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, otherKind.StatusCode);
        await AssertTooManyRequestsAsync(limited);
        await AssertTooManyRequestsAsync(respelled);
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal(429, (await response.ReadAsync()).GetProperty("status").GetInt32());
    }
}
