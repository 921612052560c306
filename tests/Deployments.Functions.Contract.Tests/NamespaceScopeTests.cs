using System.Net;
using System.Net.Http.Json;
using Deployments.Functions.Contract.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>
/// A token scoped to one namespace reaches nothing of another, whatever the request says about its
/// namespace: every resource named in the route, the body or the query is checked from the resource itself.
/// </summary>
public sealed class NamespaceScopeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_token_of_one_namespace_is_refused_every_resource_of_another_and_changes_nothing_there()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var admin = host.WithKey();
        var cluster = await host.CreateLocalClusterAsync();
        var otherCluster = await host.CreateLocalClusterAsync("elsewhere");
        var shop = await host.CreateSampleAppAsync(cluster, "shop", instances: 0);
        var cart = await host.CreateSampleAppAsync(cluster, "cart", instances: 0);
        var deployment = await DeploySuccessfullyAsync(admin, shop.Id);
        var pipeline = await CreatedIdAsync(admin, "/api/pipelines", new { name = "flow", stages = new[] { new[] { shop.Id }, new[] { cart.Id } } });
        (await admin.PostJsonAsync("/api/environments", new { name = "prod", cluster_id = cluster.Id })).EnsureSuccessStatusCode();
        (await admin.PostJsonAsync("/api/environments", new { name = "prod", @namespace = "other", cluster_id = cluster.Id })).EnsureSuccessStatusCode();
        var subscription = await CreatedIdAsync(admin, "/api/subscriptions", new { url = "https://hooks.example.test/default", secret = "0123456789abcdef0123" });
        var before = await SnapshotAsync(admin, shop.Id);

        using var submitter = host.WithKey(await host.CreateTokenAsync("other-ci", "other", "submit"));
        using var otherAdmin = host.WithKey(await host.CreateTokenAsync("other-admin", "other", "admin"));
        var reason = new { reason = "from other" };
        var attempts = new (HttpClient Client, HttpMethod Method, string Path, object? Body)[]
        {
            (submitter, HttpMethod.Post, "/api/deployments?namespace=other", new { app_id = shop.Id, strategy = "rolling" }),
            (submitter, HttpMethod.Get, $"/api/deployments/{deployment}?namespace=other", null),
            (submitter, HttpMethod.Get, $"/api/deployments/{deployment}/events?namespace=other", null),
            (submitter, HttpMethod.Get, $"/api/deployments/{deployment}/allocations?namespace=other", null),
            (submitter, HttpMethod.Post, $"/api/deployments/{deployment}/cancel?namespace=other", reason),
            (submitter, HttpMethod.Post, $"/api/deployments/{deployment}/fail?namespace=other", reason),
            (submitter, HttpMethod.Post, $"/api/deployments/{deployment}/promote-to-cluster?namespace=other", new { target_cluster_id = otherCluster.Id }),
            (submitter, HttpMethod.Get, "/api/deployments?namespace=default", null),
            (submitter, HttpMethod.Get, $"/api/deployments?app_id={shop.Id}&namespace=default", null),
            (submitter, HttpMethod.Post, $"/api/apps/{shop.Id}/rollback?namespace=other", new { revision = 1 }),
            (submitter, HttpMethod.Get, $"/api/apps/{shop.Id}?namespace=other", null),
            (submitter, HttpMethod.Get, $"/api/apps/{shop.Id}/revisions?namespace=other", null),
            (submitter, HttpMethod.Get, $"/api/apps/{shop.Id}/revisions/1?namespace=other", null),
            (submitter, HttpMethod.Get, "/api/apps?namespace=default", null),
            (submitter, HttpMethod.Post, $"/api/environments/prod/promote?namespace=other", new { deployment_id = deployment, scale_down_previous_deployment = true }),
            (submitter, HttpMethod.Post, $"/api/pipelines/{pipeline}/promote?namespace=other", new { source_app_id = shop.Id }),
            (otherAdmin, HttpMethod.Post, "/api/apps?namespace=default", new { name = "intruder", cluster_id = cluster.Id, groups = new { web = 0 } }),
            (otherAdmin, HttpMethod.Post, "/api/apps", new { name = "intruder", @namespace = "default", cluster_id = cluster.Id, groups = new { web = 0 } }),
            (otherAdmin, HttpMethod.Patch, $"/api/apps/{shop.Id}?namespace=other", new { labels = new { owner = "other" } }),
            (otherAdmin, HttpMethod.Delete, $"/api/apps/{cart.Id}?namespace=other", null),
            (otherAdmin, HttpMethod.Post, $"/api/apps/{shop.Id}/revisions?namespace=other", new { artifact = new { command = "dotnet" } }),
            (otherAdmin, HttpMethod.Post, "/api/environments?namespace=default", new { name = "staging", cluster_id = cluster.Id }),
            (otherAdmin, HttpMethod.Post, "/api/environments", new { name = "staging", @namespace = "default", cluster_id = cluster.Id }),
            (otherAdmin, HttpMethod.Get, "/api/environments?namespace=default", null),
            (otherAdmin, HttpMethod.Get, "/api/environments/prod?namespace=default", null),
            (otherAdmin, HttpMethod.Patch, "/api/environments/prod?namespace=default", new { order = 7 }),
            (otherAdmin, HttpMethod.Delete, "/api/environments/prod?namespace=default", null),
            (otherAdmin, HttpMethod.Post, "/api/pipelines?namespace=default", new { name = "sneaky", stages = new[] { new[] { shop.Id }, new[] { cart.Id } } }),
            (otherAdmin, HttpMethod.Post, "/api/pipelines", new { name = "sneaky", @namespace = "default", stages = new[] { new[] { shop.Id }, new[] { cart.Id } } }),
            (otherAdmin, HttpMethod.Get, $"/api/pipelines/{pipeline}?namespace=other", null),
            (otherAdmin, HttpMethod.Patch, $"/api/pipelines/{pipeline}?namespace=other", new { name = "renamed" }),
            (otherAdmin, HttpMethod.Delete, $"/api/pipelines/{pipeline}?namespace=other", null),
            (otherAdmin, HttpMethod.Get, "/api/pipelines?namespace=default", null),
            (otherAdmin, HttpMethod.Post, "/api/subscriptions?namespace=default", new { url = "https://hooks.example.test/stolen", secret = "0123456789abcdef0123" }),
            (otherAdmin, HttpMethod.Post, "/api/subscriptions", new { @namespace = "default", url = "https://hooks.example.test/stolen", secret = "0123456789abcdef0123" }),
            (otherAdmin, HttpMethod.Get, "/api/subscriptions?namespace=default", null),
            (otherAdmin, HttpMethod.Get, $"/api/subscriptions/{subscription}?namespace=default", null),
            (otherAdmin, HttpMethod.Patch, $"/api/subscriptions/{subscription}?namespace=default", new { url = "https://hooks.example.test/stolen" }),
            (otherAdmin, HttpMethod.Delete, $"/api/subscriptions/{subscription}?namespace=default", null),
            (otherAdmin, HttpMethod.Post, "/api/clusters", new { name = "mine", region = "r", driver = "process" }),
            (otherAdmin, HttpMethod.Delete, $"/api/clusters/{otherCluster.Id}", null),
            (otherAdmin, HttpMethod.Get, "/api/tokens", null),
            (otherAdmin, HttpMethod.Post, "/api/tokens", new { name = "escalate", capabilities = new[] { "admin" } }),
        };

        var failures = new List<string>();
        foreach (var (client, method, path, body) in attempts)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json.Options) };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {attempts.Length} requests reached namespace 'default':\n{string.Join("\n", failures)}");
        Assert.Equal(before, await SnapshotAsync(admin, shop.Id));
    }

    [Fact]
    public async Task A_token_of_one_namespace_works_in_its_own_and_its_lists_hold_only_its_own()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var admin = host.WithKey();
        var cluster = await host.CreateLocalClusterAsync();
        await host.CreateSampleAppAsync(cluster, "shop", instances: 0);
        using var otherAdmin = host.WithKey(await host.CreateTokenAsync("other-admin", "other", "admin"));

        var app = await CreatedIdAsync(otherAdmin, "/api/apps", new { name = "shop", @namespace = "other", cluster_id = cluster.Id, groups = new { web = 0 }, revision = new { artifact = new { command = "dotnet" } } });
        var second = await CreatedIdAsync(otherAdmin, "/api/apps", new { name = "cart", @namespace = "other", cluster_id = cluster.Id, groups = new { web = 0 } });
        await CreatedIdAsync(otherAdmin, "/api/pipelines", new { name = "flow", @namespace = "other", stages = new[] { new[] { app }, new[] { second } } });
        await CreatedIdAsync(otherAdmin, "/api/subscriptions", new { @namespace = "other", url = "https://hooks.example.test/other", secret = "0123456789abcdef0123" });
        (await otherAdmin.PostJsonAsync("/api/environments", new { name = "prod", @namespace = "other", cluster_id = cluster.Id })).EnsureSuccessStatusCode();
        var deployment = await DeploySuccessfullyAsync(otherAdmin, app);

        using var apps = await otherAdmin.GetAsync("/api/apps?namespace=other", TestContext.Current.CancellationToken);
        Assert.Equal(["cart", "shop"], (await apps.ReadAsync()).GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order());
        using var list = await otherAdmin.GetAsync("/api/deployments?namespace=other", TestContext.Current.CancellationToken);
        Assert.Equal([deployment], (await list.ReadAsync()).GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
        using var promoted = await otherAdmin.PostJsonAsync("/api/environments/prod/promote?namespace=other", new { deployment_id = deployment });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        using var clusters = await otherAdmin.GetAsync("/api/clusters", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, clusters.StatusCode);
    }

    [Fact]
    public async Task A_token_of_one_namespace_that_names_none_acts_in_its_own_while_the_admin_key_acts_in_default()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var admin = host.WithKey();
        var cluster = await host.CreateLocalClusterAsync();
        using var otherAdmin = host.WithKey(await host.CreateTokenAsync("other-admin", "other", "admin"));

        using var created = await otherAdmin.PostJsonAsync("/api/apps", new { name = "inventory", cluster_id = cluster.Id, groups = new { web = 0 } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal("other", (await created.ReadAsync()).GetProperty("namespace").GetString());
        (await otherAdmin.PostJsonAsync("/api/environments", new { name = "qa", cluster_id = cluster.Id })).EnsureSuccessStatusCode();
        using var environment = await otherAdmin.GetAsync("/api/environments/qa", TestContext.Current.CancellationToken);
        Assert.Equal("other", (await environment.ReadAsync()).GetProperty("namespace").GetString());
        using var apps = await otherAdmin.GetAsync("/api/apps", TestContext.Current.CancellationToken);
        Assert.Equal(["inventory"], (await apps.ReadAsync()).GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        using var deployments = await otherAdmin.GetAsync("/api/deployments", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, deployments.StatusCode);

        using var unconfined = await admin.PostJsonAsync("/api/apps", new { name = "inventory", cluster_id = cluster.Id, groups = new { web = 0 } });
        Assert.Equal("default", (await unconfined.ReadAsync()).GetProperty("namespace").GetString());
    }

    [Fact]
    public async Task A_deployment_goes_live_only_in_an_environment_of_its_own_namespace_even_for_the_admin()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var admin = host.WithKey();
        var cluster = await host.CreateLocalClusterAsync();
        var shop = await host.CreateSampleAppAsync(cluster, "shop", instances: 0);
        var deployment = await DeploySuccessfullyAsync(admin, shop.Id);
        (await admin.PostJsonAsync("/api/environments", new { name = "prod", @namespace = "other", cluster_id = cluster.Id })).EnsureSuccessStatusCode();

        using var promoted = await admin.PostJsonAsync("/api/environments/prod/promote?namespace=other", new { deployment_id = deployment });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, promoted.StatusCode);
        Assert.Equal("deployment_id", (await promoted.ReadAsync()).GetProperty("field").GetString());
        using var environment = await admin.GetAsync("/api/environments/prod?namespace=other", TestContext.Current.CancellationToken);
        Assert.False((await environment.ReadAsync()).TryGetProperty("live_deployment_id", out _));
    }

    [Fact]
    public async Task A_token_of_another_namespace_is_refused_before_its_body_is_read()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var admin = host.WithKey();
        var cluster = await host.CreateLocalClusterAsync();
        var shop = await host.CreateSampleAppAsync(cluster, "shop", instances: 0);
        var cart = await host.CreateSampleAppAsync(cluster, "cart", instances: 0);
        var deployment = await DeploySuccessfullyAsync(admin, shop.Id);
        var pipeline = await CreatedIdAsync(admin, "/api/pipelines", new { name = "flow", stages = new[] { new[] { shop.Id }, new[] { cart.Id } } });
        using var otherAdmin = host.WithKey(await host.CreateTokenAsync("other-admin", "other", "admin"));
        var invalid = new { metadata = 5, labels = "x", source_app_id = "not-a-uuid", pause = "maybe" };
        var attempts = new (HttpMethod Method, string Path, object Body)[]
        {
            (HttpMethod.Patch, $"/api/deployments/{deployment}?namespace=default", new { }),
            (HttpMethod.Patch, $"/api/deployments/{deployment}", new { }),
            (HttpMethod.Patch, $"/api/deployments/{deployment}", invalid),
            (HttpMethod.Post, $"/api/deployments/{deployment}/pause", invalid),
            (HttpMethod.Patch, $"/api/apps/{shop.Id}", invalid),
            (HttpMethod.Post, $"/api/apps/{shop.Id}/rollback", invalid),
            (HttpMethod.Post, $"/api/pipelines/{pipeline}/promote", invalid),
            (HttpMethod.Post, "/api/apps?namespace=default", invalid),
            (HttpMethod.Post, "/api/environments?namespace=default", invalid),
            (HttpMethod.Post, "/api/subscriptions?namespace=default", invalid),
        };

        var failures = new List<string>();
        foreach (var (method, path, body) in attempts)
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: Json.Options) };
            using var response = await otherAdmin.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {attempts.Length} requests were judged by their body before their namespace:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task A_create_acts_in_the_namespace_its_query_names_and_a_body_naming_another_is_refused()
    {
        await using var host = await ControlPlaneHost.StartAsync(azurite);
        using var admin = host.WithKey();
        var cluster = await host.CreateLocalClusterAsync();

        using var created = await admin.PostJsonAsync("/api/apps?namespace=qa", new { name = "inventory", cluster_id = cluster.Id, groups = new { web = 0 } });
        using var conflicting = await admin.PostJsonAsync("/api/apps?namespace=qa", new { name = "ledger", @namespace = "default", cluster_id = cluster.Id, groups = new { web = 0 } });
        using var environment = await admin.PostJsonAsync("/api/environments?namespace=qa", new { name = "staging", cluster_id = cluster.Id });
        using var subscription = await admin.PostJsonAsync("/api/subscriptions?namespace=qa", new { @namespace = "other", url = "https://hooks.example.test/qa", secret = "0123456789abcdef0123" });

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal("qa", (await created.ReadAsync()).GetProperty("namespace").GetString());
        Assert.Equal("qa", (await environment.ReadAsync()).GetProperty("namespace").GetString());
        foreach (var refused in new[] { conflicting, subscription })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.ReadAsync()).GetProperty("errors").TryGetProperty("namespace", out _));
        }

        using var apps = await admin.GetAsync("/api/apps?namespace=default", TestContext.Current.CancellationToken);
        Assert.DoesNotContain((await apps.ReadAsync()).GetProperty("apps").EnumerateArray(), a => a.GetProperty("name").GetString() == "ledger");
    }

    private static async Task<Guid> CreatedIdAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> DeploySuccessfullyAsync(HttpClient client, Guid appId)
    {
        using var created = await client.PostJsonAsync("/api/deployments", new { app_id = appId, strategy = "rolling", options = new { min_healthy_time = "0s" } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadAsync()).GetProperty("id").GetGuid();
        var status = await Polling.UntilAsync($"deployment {id} to finish", async ct =>
        {
            using var read = await client.GetAsync($"/api/deployments/{id}", ct);
            return (await read.ReadAsync()).GetProperty("status").GetString();
        }, s => s is "successful" or "failed" or "cancelled");
        Assert.Equal("successful", status);
        return id;
    }

    /// <summary>What namespace 'default' holds, as the admin sees it: every resource list and the app's deployments.</summary>
    private static async Task<string> SnapshotAsync(HttpClient admin, Guid appId)
    {
        var parts = new List<string>();
        foreach (var path in new[] { "/api/apps", "/api/environments", "/api/pipelines", "/api/subscriptions", "/api/clusters", "/api/deployments", $"/api/apps/{appId}/revisions" })
        {
            using var response = await admin.GetAsync(path);
            parts.Add($"{path}: {await response.Content.ReadAsStringAsync()}");
        }

        return string.Join("\n", parts);
    }
}
