namespace Deployments.Server.Tests;

/// <summary>
/// The seed operations in their documents' own names and shapes: Nomad's promote <c>{"all": true}</c>, Mengi's
/// override fields, Cloud Foundry's metadata and status (value, reason, details) on deployments.
/// </summary>
public sealed class SeedShapeApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string RequiresPromotion = "Deployment is running but requires manual promotion";
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Promote_WithNomadsAllTrue_PromotesEveryGroup_AndAllWithGroupsOrNeitherIsRefused()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("nomad-all"), "checkout", instances: 1);
        var id = (await server.DeployAsync(app, Scenario.FastOptions(new { instance_weight = 50 }, new { instance_weight = 100 }), strategy: "canary")).GetProperty("id").GetGuid();
        await server.WaitForAsync(id, d => d.GetProperty("status_description").GetString()!.StartsWith(RequiresPromotion, StringComparison.Ordinal), "waiting for promotion");

        (await server.Api.PostAsync($"/api/deployments/{id}/promote", new { all = true, groups = new[] { "web" } })).IsProblem(HttpStatusCode.BadRequest, "all");
        (await server.Api.PostAsync($"/api/deployments/{id}/promote", new { all = false })).IsProblem(HttpStatusCode.BadRequest, "groups");
        (await server.Api.PostAsync($"/api/deployments/{id}/promote", new { all = false, groups = Array.Empty<string>() })).IsProblem(HttpStatusCode.BadRequest, "groups");

        (await server.Api.PostAsync($"/api/deployments/{id}/promote", new { all = true })).Expect(HttpStatusCode.OK);
        var done = await server.WaitForStatusAsync(id, "successful", "failed", "cancelled");
        Assert.Equal("successful", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("groups").GetProperty("web").GetProperty("promoted").GetBoolean());
    }

    [Fact]
    public async Task PromoteToCluster_TakesMengisOverrideFields_AndTheNewAppRunsWithThem()
    {
        var home = await server.CreateLocalClusterAsync("mengi-home");
        var away = await server.CreateLocalClusterAsync("mengi-away");
        var app = await server.CreateSampleAppAsync(home, "ledger", instances: 1);
        var source = (await server.DeploySuccessfullyAsync(app)).GetProperty("id").GetGuid();

        var promoted = await server.Api.PostAsync($"/api/deployments/{source}/promote-to-cluster", new
        {
            target_cluster_id = away,
            delete_source = false,
            overrides = new
            {
                name = "ledger-away",
                replicas = 2,
                environment_variables = new object[] { new { name = "VERSION", value = "v-away" }, new { name = "REGION", value = "away" } },
                cpu_request = 0.25,
                memory_request_mb = 96,
                storage_size_gb = 2,
            },
        });
        var newDeployment = promoted.Expect(HttpStatusCode.Accepted).GetProperty("new_deployment_id").GetGuid();
        var done = await server.WaitForStatusAsync(newDeployment, "successful", "failed", "cancelled");
        Assert.Equal("successful", done.GetProperty("status").GetString());
        Assert.Equal(2, done.GetProperty("groups").GetProperty("web").GetProperty("healthy").GetInt32());

        var copy = (await server.Api.GetAsync($"/api/apps/{done.GetProperty("app_id").GetGuid()}")).Expect(HttpStatusCode.OK);
        Assert.Equal("ledger-away", copy.GetProperty("name").GetString());
        Assert.Equal(2, copy.GetProperty("groups").GetProperty("web").GetInt32());
        var revision = (await server.Api.GetAsync($"/api/apps/{copy.GetProperty("id").GetGuid()}/revisions/1")).Expect(HttpStatusCode.OK);
        Assert.Equal("v-away", revision.GetProperty("environment").GetProperty("VERSION").GetProperty("value").GetString());
        Assert.Equal("away", revision.GetProperty("environment").GetProperty("REGION").GetProperty("value").GetString());
        Assert.Equal("false", revision.GetProperty("environment").GetProperty("FAIL_HEALTH").GetProperty("value").GetString());
        var resources = revision.GetProperty("resources");
        Assert.Equal(0.25, resources.GetProperty("cpu").GetDouble());
        Assert.Equal(96, resources.GetProperty("memory_mb").GetInt32());
        Assert.Equal(2048, resources.GetProperty("storage_mb").GetInt32());

        // A Mengi field and its counterpart together say two things: refused, naming the Mengi field.
        foreach (var (overrides, field) in new (object Overrides, string Field)[]
        {
            (new { replicas = 2, groups = new Dictionary<string, int> { ["web"] = 1 } }, "overrides.replicas"),
            (new { container_port = 8080, resources = new { port = 9090 } }, "overrides.container_port"),
            (new { docker_image = "registry.test/ledger:2", artifact = new { image = "registry.test/ledger:1" } }, "overrides.docker_image"),
            (new { environment_variables = new[] { new { name = "A", value = "1" } }, environment = new Dictionary<string, object> { ["A"] = new { value = "2" } } }, "overrides.environment_variables"),
            (new { environment_variables = new[] { new { name = "A", value = "1" }, new { name = "A", value = "2" } } }, "overrides.environment_variables[1].name"),
            (new { environment_variables = new[] { new { name = "A", value = "1", secret_ref = "vault:a" } } }, "overrides.environment.A"),
            (new { replicas = 100_000 }, "overrides.replicas"),
            (new { storage_size_gb = -1 }, "overrides.storage_size_gb"),
        })
        {
            (await server.Api.PostAsync($"/api/deployments/{source}/promote-to-cluster", new { target_cluster_id = away, overrides })).IsProblem(HttpStatusCode.BadRequest, field);
        }

        (await server.Api.PostAsync($"/api/deployments/{source}/promote-to-cluster", new { target_cluster_id = away, new_name = "a", overrides = new { name = "b" } }))
            .IsProblem(HttpStatusCode.BadRequest, "overrides.name");
    }

    [Fact]
    public async Task Deployment_CarriesCloudFoundrysMetadata_AndAStatusWithValueReasonAndDetails()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("cf-shapes"), "billing", instances: 0);
        var created = (await server.Api.PostAsync("/api/deployments", new
        {
            app_id = app,
            options = Scenario.FastOptions(),
            metadata = new { labels = new Dictionary<string, string> { ["team"] = "payments", ["tier"] = "api" }, annotations = new Dictionary<string, string> { ["ticket"] = "CHG-1" } },
        })).Expect(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("payments", created.GetProperty("metadata").GetProperty("labels").GetProperty("team").GetString());
        Assert.Equal("ACTIVE", created.GetProperty("state").GetProperty("value").GetString());
        Assert.Equal("DEPLOYING", created.GetProperty("state").GetProperty("reason").GetString());

        var done = await server.WaitForStatusAsync(id, "successful");
        var state = done.GetProperty("state");
        Assert.Equal("FINALIZED", state.GetProperty("value").GetString());
        Assert.Equal("DEPLOYED", state.GetProperty("reason").GetString());
        Assert.True(state.GetProperty("details").GetProperty("last_status_change").GetDateTimeOffset() >= created.GetProperty("created_at").GetDateTimeOffset());
        Assert.False(state.GetProperty("details").TryGetProperty("error", out _));

        // Cloud Foundry's PATCH: a value sets a key, null removes it, keys left out stay; an ended deployment takes it too.
        var patched = (await server.Api.PatchAsync($"/api/deployments/{id}", new
        {
            metadata = new { labels = new Dictionary<string, string?> { ["team"] = null, ["owner"] = "ana" } },
        })).Expect(HttpStatusCode.OK);
        var labels = patched.GetProperty("metadata").GetProperty("labels");
        Assert.False(labels.TryGetProperty("team", out _));
        Assert.Equal("api", labels.GetProperty("tier").GetString());
        Assert.Equal("ana", labels.GetProperty("owner").GetString());
        Assert.Equal("CHG-1", patched.GetProperty("metadata").GetProperty("annotations").GetProperty("ticket").GetString());
        Assert.Equal("successful", patched.GetProperty("status").GetString());
        var events = (await server.Api.GetAsync($"/api/deployments/{id}/events")).Expect(HttpStatusCode.OK);
        Assert.Single(events.EnumerateArray(), e => e.GetProperty("kind").GetString() == "metadata");
        // A patch that changes nothing writes nothing.
        var same = (await server.Api.PatchAsync($"/api/deployments/{id}", new { metadata = new { labels = new Dictionary<string, string> { ["owner"] = "ana" } } })).Expect(HttpStatusCode.OK);
        Assert.Equal(patched.GetProperty("modify_index").GetInt64(), same.GetProperty("modify_index").GetInt64());

        (await server.Api.PatchAsync($"/api/deployments/{id}", new { })).IsProblem(HttpStatusCode.BadRequest, "metadata");
        (await server.Api.PatchAsync($"/api/deployments/{id}", new { metadata = new { labels = new[] { "a" } } })).IsProblem(HttpStatusCode.BadRequest, "metadata.labels");
        (await server.Api.PatchAsync($"/api/deployments/{id}", new { metadata = new { labels = new { a = 1 } } })).IsProblem(HttpStatusCode.BadRequest, "metadata.labels.a");
        (await server.Api.PatchAsync($"/api/deployments/{id}", new { metadata = new { tags = new { a = "b" } } })).IsProblem(HttpStatusCode.BadRequest, "metadata.tags");
        (await server.Api.SendRawAsync(HttpMethod.Patch, $"/api/deployments/{id}", """{"metadata": {"annotations": {"a": "\ud800"}}}"""))
            .IsProblem(HttpStatusCode.BadRequest, "metadata.annotations.a");
        (await server.Api.PatchAsync($"/api/deployments/{id}", new { metadata = new { labels = new Dictionary<string, string> { ["big"] = new string('x', 1025) } } }))
            .IsProblem(HttpStatusCode.BadRequest, "metadata.labels.big");
        (await server.Api.PatchAsync($"/api/deployments/{Guid.NewGuid()}", new { metadata = new { labels = new Dictionary<string, string> { ["a"] = "b" } } }))
            .IsProblem(HttpStatusCode.NotFound);
        (await server.Api.PostAsync("/api/deployments", new { app_id = app, metadata = new { labels = new Dictionary<string, string> { [""] = "b" } } }))
            .IsProblem(HttpStatusCode.BadRequest, "metadata.labels.");
        Assert.Equal("ana", (await server.Api.GetAsync($"/api/deployments/{id}")).Expect(HttpStatusCode.OK).GetProperty("metadata").GetProperty("labels").GetProperty("owner").GetString());
    }

    [Fact]
    public async Task List_WithCloudFoundrysLabelSelector_HoldsOnlyTheMatchingDeployments_PageByPage()
    {
        var cluster = await server.CreateLocalClusterAsync("cf-selector");
        var app = await server.CreateSampleAppAsync(cluster, "selected", instances: 0);
        async Task<Guid> DeployLabelledAsync(Dictionary<string, string> labels)
        {
            var id = (await server.Api.PostAsync("/api/deployments", new { app_id = app, options = Scenario.FastOptions(), metadata = new { labels } }))
                .Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
            await server.WaitForStatusAsync(id, "successful");
            return id;
        }

        var api = await DeployLabelledAsync(new() { ["team"] = "payments", ["tier"] = "api" });
        var web = await DeployLabelledAsync(new() { ["team"] = "payments", ["tier"] = "web" });
        var search = await DeployLabelledAsync(new() { ["team"] = "search" });
        async Task<List<Guid>> ListAsync(string selector, int pageSize = 50)
        {
            var ids = new List<Guid>();
            string? token = null;
            do
            {
                var page = (await server.Api.GetAsync($"/api/deployments?app_id={app}&label_selector={Uri.EscapeDataString(selector)}&page_size={pageSize}"
                    + (token is null ? "" : $"&next_token={Uri.EscapeDataString(token)}"))).Expect(HttpStatusCode.OK);
                var items = page.GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
                Assert.True(items.Count <= pageSize);
                ids.AddRange(items);
                token = page.TryGetProperty("next_token", out var next) ? next.GetString() : null;
            }
            while (token is not null);

            return ids;
        }

        Assert.Equal(new[] { api, web }.Order(), (await ListAsync("team=payments")).Order());
        Assert.Equal([api], await ListAsync("team=payments,tier!=web"));
        Assert.Equal(new[] { api, web }.Order(), (await ListAsync("tier in (api,web)")).Order());
        Assert.Equal([search], await ListAsync("!tier"));
        Assert.Equal([search], await ListAsync("team notin (payments)"));
        Assert.Equal(new[] { api, web }.Order(), (await ListAsync("team=payments", pageSize: 1)).Order());
        Assert.Empty(await ListAsync("team=nobody"));

        (await server.Api.GetAsync($"/api/deployments?label_selector={Uri.EscapeDataString("tier in api")}")).IsProblem(HttpStatusCode.BadRequest, "label_selector");
    }

    [Fact]
    public async Task Status_ReasonSaysSupersededCanceledOrFailed_WithTheErrorInItsDetails()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("cf-reasons"), "journal", instances: 1);
        var canary = Scenario.FastOptions(new { instance_weight = 50 }, new { instance_weight = 100 });
        var first = (await server.DeployAsync(app, canary, strategy: "canary")).GetProperty("id").GetGuid();
        await server.WaitForAsync(first, d => d.GetProperty("status_description").GetString()!.StartsWith(RequiresPromotion, StringComparison.Ordinal), "waiting for promotion");
        var second = (await server.DeployAsync(app, canary, strategy: "canary")).GetProperty("id").GetGuid();

        var superseded = await server.WaitForStatusAsync(first, "cancelled");
        Assert.Equal("FINALIZED", superseded.GetProperty("state").GetProperty("value").GetString());
        Assert.Equal("SUPERSEDED", superseded.GetProperty("state").GetProperty("reason").GetString());
        Assert.Equal(2, superseded.GetProperty("state").GetProperty("canary").GetProperty("steps").GetProperty("total").GetInt32());

        await server.WaitForAsync(second, d => d.GetProperty("status_description").GetString()!.StartsWith(RequiresPromotion, StringComparison.Ordinal), "waiting for promotion");
        var waiting = (await server.Api.GetAsync($"/api/deployments/{second}")).Expect(HttpStatusCode.OK).GetProperty("state");
        Assert.Equal("ACTIVE", waiting.GetProperty("value").GetString());
        Assert.Equal(1, waiting.GetProperty("canary").GetProperty("steps").GetProperty("current").GetInt32());
        (await server.Api.PostAsync($"/api/deployments/{second}/fail", new { reason = "error rate" })).Expect(HttpStatusCode.OK);
        var failed = (await server.WaitForStatusAsync(second, "failed")).GetProperty("state");
        Assert.Equal("FAILED", failed.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("details").GetProperty("error").GetString()));

        var third = (await server.DeployAsync(app, canary, strategy: "canary")).GetProperty("id").GetGuid();
        (await server.Api.PostAsync($"/api/deployments/{third}/cancel", new { reason = "not now" })).Expect(HttpStatusCode.OK);
        Assert.Equal("CANCELED", (await server.WaitForStatusAsync(third, "cancelled")).GetProperty("state").GetProperty("reason").GetString());
    }
}
