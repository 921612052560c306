namespace Deployments.Server.Tests;

public sealed class AppsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task App_CreateReadListUpdateDelete()
    {
        var cluster = await server.CreateLocalClusterAsync();
        var created = await server.Api.PostAsync("/api/apps", new
        {
            name = "shop",
            @namespace = "retail",
            cluster_id = cluster,
            groups = new Dictionary<string, int> { ["web"] = 2, ["worker"] = 1 },
            labels = new Dictionary<string, string> { ["team"] = "checkout" },
            revision = Scenario.SampleRevision("v1"),
        });
        var app = created.Expect(HttpStatusCode.Created);
        var id = app.GetProperty("id").GetGuid();
        Assert.Equal($"/api/apps/{id}", created.Location);
        Assert.Equal(1, app.GetProperty("current_revision").GetInt32());

        Assert.Equal("shop", (await server.Api.GetAsync(created.Location!)).Expect(HttpStatusCode.OK).GetProperty("name").GetString());
        Assert.Single((await server.Api.GetAsync("/api/apps?namespace=retail")).Expect(HttpStatusCode.OK).GetProperty("apps").EnumerateArray());
        Assert.DoesNotContain((await server.Api.GetAsync("/api/apps")).Expect(HttpStatusCode.OK).GetProperty("apps").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);

        var patched = (await server.Api.PatchAsync($"/api/apps/{id}", new { groups = new Dictionary<string, int> { ["web"] = 3 }, environment = "prod", annotations = new Dictionary<string, string> { ["owner"] = "ops" } })).Expect(HttpStatusCode.OK);
        Assert.Equal(3, patched.GetProperty("groups").GetProperty("web").GetInt32());
        Assert.False(patched.GetProperty("groups").TryGetProperty("worker", out _), "groups given replace the current ones");
        Assert.Equal("prod", patched.GetProperty("environment").GetString());
        Assert.Equal("checkout", patched.GetProperty("labels").GetProperty("team").GetString());
        var cleared = (await server.Api.PatchAsync($"/api/apps/{id}", new { environment = (string?)null })).Expect(HttpStatusCode.OK);
        Assert.False(cleared.TryGetProperty("environment", out _));

        (await server.Api.DeleteAsync($"/api/apps/{id}")).Expect(HttpStatusCode.NoContent);
        (await server.Api.GetAsync($"/api/apps/{id}")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.GetAsync($"/api/apps/{id}/revisions")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.DeleteAsync($"/api/apps/{id}")).IsProblem(HttpStatusCode.NotFound);
        // The name is free again.
        (await server.Api.PostAsync("/api/apps", new { name = "shop", @namespace = "retail", cluster_id = cluster, groups = new Dictionary<string, int> { ["web"] = 1 } })).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Revisions_ListGetCreate_WithSecretValuesRedacted()
    {
        var cluster = await server.CreateLocalClusterAsync("revisions");
        var appId = await server.CreateSampleAppAsync(cluster, "catalog", instances: 0);
        var created = await server.Api.PostAsync($"/api/apps/{appId}/revisions", new
        {
            artifact = new { image = "registry.test/catalog:2" },
            config = new Dictionary<string, string> { ["LOG_LEVEL"] = "debug" },
            environment = new Dictionary<string, object> { ["DB_PASSWORD"] = new { secret_ref = "vault:db/password" }, ["MODE"] = new { value = "fast" } },
            resources = new { cpu = 0.5, memory_mb = 256 },
            health_path = "/ready",
        });
        var revision = created.Expect(HttpStatusCode.Created);
        Assert.Equal(2, revision.GetProperty("number").GetInt32());
        Assert.Equal($"/api/apps/{appId}/revisions/2", created.Location);
        var secret = revision.GetProperty("environment").GetProperty("DB_PASSWORD");
        Assert.Equal("vault:db/password", secret.GetProperty("secret_ref").GetString());
        Assert.False(secret.TryGetProperty("value", out _));
        Assert.Empty(revision.GetProperty("resources").GetProperty("volumes").EnumerateArray());

        Assert.Equal("/ready", (await server.Api.GetAsync(created.Location!)).Expect(HttpStatusCode.OK).GetProperty("health_path").GetString());
        var all = (await server.Api.GetAsync($"/api/apps/{appId}/revisions")).Expect(HttpStatusCode.OK).GetProperty("revisions");
        Assert.Equal([1, 2], all.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));

        (await server.Api.GetAsync($"/api/apps/{appId}/revisions/9")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.PostAsync($"/api/apps/{Guid.NewGuid()}/revisions", new { artifact = new { image = "x" } })).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.PostAsync($"/api/apps/{appId}/revisions", new { config = new Dictionary<string, string>() })).IsProblem(HttpStatusCode.BadRequest, "artifact");
        (await server.Api.PostAsync($"/api/apps/{appId}/revisions", new { artifact = new { args = new[] { "x" } } })).IsProblem(HttpStatusCode.BadRequest, "artifact.command");
        var both = await server.Api.PostAsync($"/api/apps/{appId}/revisions", new { artifact = new { image = "x" }, environment = new Dictionary<string, object> { ["A"] = new { value = "1", secret_ref = "s" } }, health_path = "ready" });
        Assert.True(ProblemAssert.NamesField(both.IsProblem(HttpStatusCode.BadRequest, "environment.A"), "health_path"), both.ToString());
        Assert.Equal(2, (await server.Api.GetAsync($"/api/apps/{appId}/revisions")).Expect(HttpStatusCode.OK).GetProperty("revisions").GetArrayLength());
    }

    [Fact]
    public async Task App_Refusals()
    {
        var cluster = await server.CreateLocalClusterAsync("apprefusals");
        (await server.Api.PostAsync("/api/apps", new { name = "a1", cluster_id = Guid.NewGuid(), groups = new Dictionary<string, int> { ["web"] = 1 } })).IsProblem(HttpStatusCode.UnprocessableEntity, "cluster_id");
        (await server.Api.PostAsync("/api/apps", new { name = "a1", cluster_id = cluster })).IsProblem(HttpStatusCode.BadRequest, "groups");
        (await server.Api.PostAsync("/api/apps", new { name = "a1", cluster_id = cluster, groups = new Dictionary<string, int> { ["Web"] = 5000 } })).IsProblem(HttpStatusCode.BadRequest, "groups.Web");
        var labels = Enumerable.Range(0, 80).ToDictionary(i => $"k{i}", i => "v");
        (await server.Api.PostAsync("/api/apps", new { name = "a1", cluster_id = cluster, groups = new Dictionary<string, int> { ["web"] = 1 }, labels })).IsProblem(HttpStatusCode.BadRequest, "labels");
        (await server.Api.PostAsync("/api/apps", new { name = "a1", cluster_id = cluster, groups = new Dictionary<string, int> { ["web"] = 1 }, revision = new { health_path = "/h" } })).IsProblem(HttpStatusCode.BadRequest, "revision.artifact");
        var appId = await server.CreateSampleAppAsync(cluster, "a1", instances: 0);
        (await server.Api.PostAsync("/api/apps", new { name = "a1", cluster_id = cluster, groups = new Dictionary<string, int> { ["web"] = 1 } })).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PatchAsync($"/api/apps/{appId}", new { groups = new Dictionary<string, int>() })).IsProblem(HttpStatusCode.BadRequest, "groups");
        (await server.Api.PatchAsync($"/api/apps/{appId}", new { environment = "Prod Env" })).IsProblem(HttpStatusCode.BadRequest, "environment");
        (await server.Api.PatchAsync($"/api/apps/{appId}", new { name = "renamed" })).IsProblem(HttpStatusCode.BadRequest, "name");
        (await server.Api.PatchAsync($"/api/apps/{Guid.NewGuid()}", new { environment = "prod" })).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.PostAsync($"/api/apps/{Guid.NewGuid()}/rollback")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.PostAsync($"/api/apps/{appId}/rollback")).IsProblem(HttpStatusCode.UnprocessableEntity, "revision");
        (await server.Api.PostAsync($"/api/apps/{appId}/rollback", new { revision = 7 })).IsProblem(HttpStatusCode.UnprocessableEntity, "revision");
    }
}
