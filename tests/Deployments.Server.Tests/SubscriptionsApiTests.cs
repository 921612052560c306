using Deployments.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Server.Tests;

public sealed class SubscriptionsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Secret = "whsec-0123456789abcdef";
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Subscription_CreateReadListUpdateDelete_NeverReturningTheSecret()
    {
        var created = await server.Api.PostAsync("/api/subscriptions", new { @namespace = "payments", url = "https://hooks.example.test/deployments", secret = Secret });
        var subscription = created.Expect(HttpStatusCode.Created);
        var id = subscription.GetProperty("id").GetGuid();
        Assert.Equal($"/api/subscriptions/{id}?namespace=payments", created.Location);
        Assert.DoesNotContain(Secret, created.Body, StringComparison.Ordinal);
        Assert.False(subscription.TryGetProperty("secret", out _));

        var read = await server.Api.GetAsync(created.Location!);
        Assert.Equal("https://hooks.example.test/deployments", read.Expect(HttpStatusCode.OK).GetProperty("url").GetString());
        Assert.DoesNotContain(Secret, read.Body, StringComparison.Ordinal);
        (await server.Api.GetAsync($"/api/subscriptions/{id}")).IsProblem(HttpStatusCode.NotFound);
        var list = await server.Api.GetAsync("/api/subscriptions?namespace=payments");
        Assert.Single(list.Expect(HttpStatusCode.OK).GetProperty("subscriptions").EnumerateArray());
        Assert.DoesNotContain(Secret, list.Body, StringComparison.Ordinal);

        var rotated = await server.Api.PatchAsync($"/api/subscriptions/{id}?namespace=payments", new { secret = "rotated-secret-9876543210" });
        Assert.DoesNotContain("rotated-secret", rotated.Body, StringComparison.Ordinal);
        Assert.Equal("https://hooks.example.test/deployments", rotated.Expect(HttpStatusCode.OK).GetProperty("url").GetString());
        var stored = await server.Services.GetRequiredService<SubscriptionStore>().GetAsync("payments", id, CancellationToken.None);
        Assert.Equal("rotated-secret-9876543210", stored!.Secret);
        var moved = (await server.Api.PatchAsync($"/api/subscriptions/{id}?namespace=payments", new { url = "http://hooks.example.test/v2" })).Expect(HttpStatusCode.OK);
        Assert.Equal("http://hooks.example.test/v2", moved.GetProperty("url").GetString());

        (await server.Api.DeleteAsync($"/api/subscriptions/{id}?namespace=payments")).Expect(HttpStatusCode.NoContent);
        (await server.Api.GetAsync($"/api/subscriptions/{id}?namespace=payments")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.DeleteAsync($"/api/subscriptions/{id}?namespace=payments")).IsProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Subscription_Refusals_NameTheField()
    {
        (await server.Api.PostAsync("/api/subscriptions", new { url = "ftp://example.test/x", secret = Secret })).IsProblem(HttpStatusCode.BadRequest, "url");
        (await server.Api.PostAsync("/api/subscriptions", new { url = "/relative", secret = Secret })).IsProblem(HttpStatusCode.BadRequest, "url");
        (await server.Api.PostAsync("/api/subscriptions", new { url = "https://example.test/x", secret = "short" })).IsProblem(HttpStatusCode.BadRequest, "secret");
        (await server.Api.PostAsync("/api/subscriptions", new { url = "https://example.test/x", secret = Secret, @namespace = "Nope!" })).IsProblem(HttpStatusCode.BadRequest, "namespace");
        var id = (await server.Api.PostAsync("/api/subscriptions", new { url = "https://example.test/x", secret = Secret })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
        (await server.Api.PatchAsync($"/api/subscriptions/{id}", new { url = "not a url" })).IsProblem(HttpStatusCode.BadRequest, "url");
        (await server.Api.PatchAsync($"/api/subscriptions/{id}", new { secret = "" })).IsProblem(HttpStatusCode.BadRequest, "secret");
        (await server.Api.PatchAsync($"/api/subscriptions/{Guid.NewGuid()}", new { url = "https://example.test/y" })).IsProblem(HttpStatusCode.NotFound);
    }
}
