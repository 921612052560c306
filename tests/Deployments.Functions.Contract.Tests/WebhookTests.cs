using System.Net;
using Deployments.Functions.Contract.Tests.Infrastructure;
using Deployments.Storage;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>Signed pipeline webhooks: signatures, once per delivery, the generic payload and GitHub's deployment event.</summary>
public sealed class WebhookTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_signed_generic_hook_deploys_once_and_a_redelivery_gets_the_first_answer_again()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync());
        using var anonymous = host.Anonymous();
        var payload = Signed.Serialize(new
        {
            app = "shop",
            artifact = new { command = "dotnet", args = new[] { AppOutput.SampleService } },
            strategy = "rolling",
            options = new { min_healthy_time = "0s" },
            requested_by = "alice",
        });

        using var first = await anonymous.SendAsync(Signed.Hook("/api/hooks/generic", payload, "build-42"));
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.Created, firstBody);
        var deployment = await first.ReadAsync();
        Assert.Equal("webhook:generic:alice", deployment.GetProperty("created_by").GetString());
        Assert.EndsWith("(delivery build-42)", deployment.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, deployment.GetProperty("revision").GetInt32());

        using var again = await anonymous.SendAsync(Signed.Hook("/api/hooks/generic", payload, "build-42"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("true", again.Headers.GetValues("X-Delivery-Replayed").Single());

        var (all, _) = await host.Services.GetRequiredService<Deployments.Service.DeploymentService>()
            .ListAsync(new DeploymentQuery { AppId = app.Id }, CancellationToken.None);
        Assert.Single(all);
    }

    [Fact]
    public async Task Unsigned_missing_delivery_and_invalid_payloads_are_refused_without_deploying()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var anonymous = host.Anonymous();
        var payload = Signed.Serialize(new { app = "shop", revision = 1 });

        using var forged = await anonymous.SendAsync(Signed.Hook("/api/hooks/generic", payload, "d1", secret: "guessed-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/hooks/generic") { Content = new StringContent(payload) };
        using var unsignedResponse = await anonymous.SendAsync(unsigned);
        Assert.Equal(HttpStatusCode.Unauthorized, unsignedResponse.StatusCode);

        using var noDelivery = await anonymous.SendAsync(Signed.Hook("/api/hooks/generic", payload, deliveryId: null));
        Assert.Equal(HttpStatusCode.BadRequest, noDelivery.StatusCode);

        using var unknownField = await anonymous.SendAsync(Signed.Hook("/api/hooks/generic", Signed.Serialize(new { app = "shop", revison = 1 }), "d2"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);

        using var notJson = await anonymous.SendAsync(Signed.Hook("/api/hooks/generic", "{not json", "d3"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task A_hook_for_a_missing_app_is_refused_and_its_redelivery_deploys_once_the_app_exists()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var anonymous = host.Anonymous();
        var payload = Signed.Serialize(new { app = "shop", revision = 1, options = new { min_healthy_time = "0s" } });

        using var refused = await anonymous.SendAsync(Signed.Hook("/api/hooks/generic", payload, "d-late"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("app", (await refused.ReadAsync()).GetProperty("field").GetString());

        await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync());
        using var redelivered = await anonymous.SendAsync(Signed.Hook("/api/hooks/generic", payload, "d-late"));
        Assert.Equal(HttpStatusCode.Created, redelivered.StatusCode);
    }

    [Fact]
    public async Task A_github_deployment_event_maps_repository_environment_sha_and_sender()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        var cluster = await host.CreateLocalClusterAsync();
        var app = await host.CreateSampleAppAsync(cluster, environment: "staging");
        using var anonymous = host.Anonymous();
        const string sha = "9f2c1e4b7a0d3c5e8f1a2b4c6d8e0f1a3b5c7d9e";
        string Event(string environment, object payload) => Signed.Serialize(new
        {
            action = "created",
            deployment = new { id = 1234567, sha, @ref = "main", environment, payload, creator = new { login = "octocat" } },
            repository = new { name = "shop", full_name = "acme/shop" },
            sender = new { login = "octocat" },
        });

        var body = Event("staging", new { image = "ghcr.io/acme/shop", strategy = "canary", options = new { steps = new[] { new { instance_weight = 100 } } }, team_notes = "ignored" });
        using var created = await anonymous.SendAsync(Signed.Hook("/api/hooks/github", body, "gh-1", deliveryHeader: "X-GitHub-Delivery", githubEvent: "deployment"));
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        var deployment = await created.ReadAsync();
        Assert.Equal("github:octocat", deployment.GetProperty("created_by").GetString());
        Assert.Equal("canary", deployment.GetProperty("strategy").GetString());
        Assert.Contains("main@9f2c1e4", deployment.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var revision = await host.Services.GetRequiredService<AppStore>().GetRevisionAsync(app.Id, deployment.GetProperty("revision").GetInt32(), CancellationToken.None);
        Assert.Equal($"ghcr.io/acme/shop:{sha}", revision!.Artifact.Image);

        using var replay = await anonymous.SendAsync(Signed.Hook("/api/hooks/github", body, "gh-1", deliveryHeader: "X-GitHub-Delivery", githubEvent: "deployment"));
        Assert.Equal(text, await replay.Content.ReadAsStringAsync());

        using var wrongEnvironment = await anonymous.SendAsync(Signed.Hook("/api/hooks/github", Event("production", new { revision = 1 }), "gh-2", deliveryHeader: "X-GitHub-Delivery", githubEvent: "deployment"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongEnvironment.StatusCode);
        Assert.Equal("environment", (await wrongEnvironment.ReadAsync()).GetProperty("field").GetString());

        using var ping = await anonymous.SendAsync(Signed.Hook("/api/hooks/github", "{\"zen\":\"Keep it logically awesome.\"}", "gh-3", deliveryHeader: "X-GitHub-Delivery", githubEvent: "ping"));
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        using var push = await anonymous.SendAsync(Signed.Hook("/api/hooks/github", "{}", "gh-4", deliveryHeader: "X-GitHub-Delivery", githubEvent: "push"));
        Assert.Equal(HttpStatusCode.Accepted, push.StatusCode);
    }

    [Theory]
    [InlineData("/api/hooks/github", "deployment.sha")]
    [InlineData("/api/hooks/github", "deployment.payload.image")]
    [InlineData("/api/hooks/generic", "requested_by")]
    [InlineData("/api/hooks/generic", "artifact.command")]
    public async Task A_lone_surrogate_escape_in_a_hook_payload_is_a_400_naming_the_field(string path, string field)
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync());
        using var anonymous = host.Anonymous();
        const string marker = "lone-surrogate-here";
        var github = path.EndsWith("github", StringComparison.Ordinal);
        var payload = github
            ? Signed.Serialize(new
            {
                deployment = new { id = 1, sha = field == "deployment.sha" ? marker : "9f2c1e4b", @ref = "main", payload = new { app = "shop", image = field == "deployment.payload.image" ? marker : "ghcr.io/acme/shop" } },
                repository = new { name = "shop" },
            })
            : Signed.Serialize(new
            {
                app = "shop",
                artifact = new { command = field == "artifact.command" ? marker : "dotnet" },
                requested_by = field == "requested_by" ? marker : "alice",
            });
        var body = payload.Replace(marker, "x\\ud800", StringComparison.Ordinal);

        using var response = await anonymous.SendAsync(Signed.Hook(path, body, "lone-1", deliveryHeader: github ? "X-GitHub-Delivery" : "X-Delivery-Id", githubEvent: github ? "deployment" : null));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(field, (await response.ReadAsync()).GetProperty("field").GetString());
        var (all, _) = await host.Services.GetRequiredService<Deployments.Service.DeploymentService>().ListAsync(new DeploymentQuery(), CancellationToken.None);
        Assert.Empty(all);
    }
}
