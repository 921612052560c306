using System.Net;
using Deployments.Functions.Contract.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>Keys, tokens, capabilities and namespaces, over a real socket against the app with Azurite.</summary>
public sealed class AuthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Without_a_key_every_api_route_is_401_problem_but_health_docs_and_dashboard_are_open()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var anonymous = host.Anonymous();

        foreach (var path in new[] { "/api/deployments", "/api/tokens", "/runtime/webhooks/durabletask/instances", "/api/tokens/self" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadAsync();
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            Assert.Equal("Authentication required", problem.GetProperty("title").GetString());
        }

        foreach (var path in new[] { "/api/health/live", "/api/openapi/v1.json", "/api/docs", "/api/dashboard", "/api/dashboard/app.js" })
        {
            using var open = await anonymous.GetAsync(path);
            Assert.True(open.StatusCode == HttpStatusCode.OK, $"{path}: {open.StatusCode}");
        }
    }

    [Fact]
    public async Task The_admin_key_is_accepted_in_every_documented_place_and_a_wrong_key_is_not()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var anonymous = host.Anonymous();

        using var header = await host.WithKey().GetAsync("/api/deployments");
        using var query = await anonymous.GetAsync($"/api/deployments?code={ControlPlaneHost.AdminKey}");
        using var bearer = await host.WithBearer(ControlPlaneHost.AdminKey).GetAsync("/api/deployments");
        using var apiKey = new HttpRequestMessage(HttpMethod.Get, "/api/deployments");
        apiKey.Headers.TryAddWithoutValidation("Authorization", $"Api-Key {ControlPlaneHost.AdminKey}");
        using var apiKeyResponse = await anonymous.SendAsync(apiKey);
        Assert.All(new[] { header, query, bearer, apiKeyResponse }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        using var unknownRoute = await host.WithKey().GetAsync("/api/no-such-resource");
        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.StatusCode);

        using var wrong = await host.WithKey("not-the-admin-key-at-all").GetAsync("/api/deployments");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain("not-the-admin-key-at-all", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A key that was sent is not told to send one: the problem says it was refused.
        var refused = await wrong.ReadAsync();
        Assert.Equal("The key was refused", refused.GetProperty("title").GetString());
        Assert.Equal("The key is not valid.", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_is_shown_once_stored_hashed_listed_without_its_value_and_stops_working_when_revoked()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var admin = host.WithKey();

        using var created = await admin.PostJsonAsync("/api/tokens", new { name = "reader", @namespace = "default", capabilities = new[] { "read" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadAsync();
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("id").GetString()!;
        Assert.StartsWith("cpt_" + id + "_", token, StringComparison.Ordinal);

        using var list = await admin.GetAsync("/api/tokens");
        var listed = await list.Content.ReadAsStringAsync();
        Assert.Contains(id, listed, StringComparison.Ordinal);
        var secret = token[$"cpt_{id}_".Length..];
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listed, StringComparison.OrdinalIgnoreCase);

        using var reader = host.WithBearer(token);
        using (var read = await reader.GetAsync("/api/deployments"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var revoked = await admin.DeleteAsync($"/api/tokens/{id}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("admin", (await revoked.ReadAsync()).GetProperty("revoked_by").GetString());
        using var afterRevoke = await reader.GetAsync("/api/deployments");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task Capabilities_decide_reads_commands_and_admin_routes_with_403_problems()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        var cluster = await host.CreateLocalClusterAsync();
        var app = await host.CreateSampleAppAsync(cluster);
        using var reader = host.WithKey(await host.CreateTokenAsync("reader", "default", "read"));
        using var submitter = host.WithKey(await host.CreateTokenAsync("ci-bot", "default", "submit"));

        using var refused = await reader.PostJsonAsync("/api/deployments", new { app_id = app.Id, strategy = "rolling" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("'submit'", (await refused.ReadAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var deployed = await submitter.PostJsonAsync("/api/deployments", new { app_id = app.Id, strategy = "rolling", options = new { min_healthy_time = "0s" } });
        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        var deployment = await deployed.ReadAsync();
        Assert.Equal("ci-bot", deployment.GetProperty("created_by").GetString());

        using var tokens = await submitter.GetAsync("/api/tokens");
        Assert.Equal(HttpStatusCode.Forbidden, tokens.StatusCode);
        using var operatorApi = await submitter.GetAsync("/runtime/webhooks/durabletask/instances");
        Assert.Equal(HttpStatusCode.Forbidden, operatorApi.StatusCode);

        var id = deployment.GetProperty("id").GetString();
        using var cancelled = await submitter.PostJsonAsync($"/api/deployments/{id}/cancel", new { reason = "test over" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    [Fact]
    public async Task A_namespaced_token_reaches_only_its_own_namespace()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        var cluster = await host.CreateLocalClusterAsync();
        var theirs = await host.CreateSampleAppAsync(cluster, name: "theirs", @namespace: "team-b");
        using var teamA = host.WithKey(await host.CreateTokenAsync("team-a-ci", "team-a", "submit"));

        using var ownList = await teamA.GetAsync("/api/deployments?namespace=team-a");
        Assert.Equal(HttpStatusCode.OK, ownList.StatusCode);
        using var otherList = await teamA.GetAsync("/api/deployments?namespace=team-b");
        Assert.Equal(HttpStatusCode.Forbidden, otherList.StatusCode);
        using var defaultList = await teamA.GetAsync("/api/deployments?namespace=default");
        Assert.Equal(HttpStatusCode.Forbidden, defaultList.StatusCode);
        // Naming no namespace, the token acts in its own.
        using var unnamed = await teamA.GetAsync("/api/deployments");
        Assert.Equal(HttpStatusCode.OK, unnamed.StatusCode);

        using var deployOther = await teamA.PostJsonAsync("/api/deployments", new { app_id = theirs.Id, strategy = "rolling" });
        Assert.Equal(HttpStatusCode.Forbidden, deployOther.StatusCode);
        Assert.Contains("team-b", (await deployOther.ReadAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_asks_what_it_may_do_a_namespaced_token_sees_its_namespace_the_admin_key_every_one_in_use()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), name: "theirs", @namespace: "team-b");
        using var teamA = host.WithKey(await host.CreateTokenAsync("team-a-ci", "team-a", "submit"));

        using var token = await teamA.GetAsync("/api/tokens/self");
        var self = await token.ReadAsync();
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(("team-a-ci", "token", "team-a"), (self.GetProperty("name").GetString(), self.GetProperty("kind").GetString(), self.GetProperty("namespace").GetString()));
        Assert.Equal(["read", "submit"], self.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["team-a"], self.GetProperty("namespaces").EnumerateArray().Select(c => c.GetString()));

        using var admin = await host.WithKey().GetAsync("/api/tokens/self");
        var adminSelf = await admin.ReadAsync();
        Assert.Equal(("admin_key", "*"), (adminSelf.GetProperty("kind").GetString(), adminSelf.GetProperty("namespace").GetString()));
        Assert.Equal(["read", "submit", "admin"], adminSelf.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["default", "team-b"], adminSelf.GetProperty("namespaces").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Invalid_token_requests_are_400_problems_naming_the_field()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var admin = host.WithKey();

        using var response = await admin.PostJsonAsync("/api/tokens", new { name = "Bad Name", @namespace = "x y", capabilities = new[] { "root" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("namespace", out _));
        Assert.True(errors.TryGetProperty("capabilities", out _));
    }
}
