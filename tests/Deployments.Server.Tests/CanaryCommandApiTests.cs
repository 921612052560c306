using System.Diagnostics;
using System.Globalization;

namespace Deployments.Server.Tests;

/// <summary>A real canary of the sample service, driven through the API: wait for promotion, pause, resume, continue.</summary>
public sealed class CanaryCommandApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string RequiresPromotion = "Deployment is running but requires manual promotion";
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Canary_PausedResumedAndContinued_WithBlockingReadsThatReturnAtTheChange()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync(), "storefront", instances: 1);
        var created = await server.Api.PostAsync("/api/deployments", new
        {
            app_id = app,
            strategy = "canary",
            options = Scenario.FastOptions(new { instance_weight = 50 }, new { instance_weight = 100 }),
            reason = "first canary",
        });
        var id = created.Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
        Assert.Equal($"/api/deployments/{id}", created.Location);

        var waiting = await server.WaitForAsync(id, d => d.GetProperty("status_description").GetString()!.StartsWith(RequiresPromotion, StringComparison.Ordinal), "waiting for promotion");
        Assert.Equal("running", waiting.GetProperty("status").GetString());
        var allocations = (await server.Api.GetAsync($"/api/deployments/{id}/allocations")).Expect(HttpStatusCode.OK);
        Assert.Single(allocations.EnumerateArray(), a => a.GetProperty("canary").GetBoolean());

        var paused = (await server.Api.PostAsync($"/api/deployments/{id}/pause", new { pause = true })).Expect(HttpStatusCode.OK);
        Assert.Equal("paused", paused.GetProperty("status").GetString());
        (await server.Api.PostAsync($"/api/deployments/{id}/continue")).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PostAsync($"/api/deployments/{id}/pause", new { pause = true })).IsProblem(HttpStatusCode.Conflict);

        // Nothing changes while paused: a blocking read waits out its wait and keeps the index.
        var read = await server.Api.GetAsync($"/api/deployments/{id}");
        var index = long.Parse(read.Header("X-Modify-Index")!, CultureInfo.InvariantCulture);
        Assert.Equal(read.Expect(HttpStatusCode.OK).GetProperty("modify_index").GetInt64(), index);
        var quiet = Stopwatch.StartNew();
        var unchanged = await server.Api.GetAsync($"/api/deployments/{id}?index={index}&wait=1s");
        Assert.True(quiet.Elapsed >= TimeSpan.FromMilliseconds(900), $"returned after {quiet.Elapsed}");
        Assert.Equal(index, long.Parse(unchanged.Header("X-Modify-Index")!, CultureInfo.InvariantCulture));

        // A resume ends a blocking read at once, long before its wait.
        var watching = Stopwatch.StartNew();
        var blocked = server.Api.GetAsync($"/api/deployments/{id}?index={index}&wait=60s");
        await Task.Delay(300);
        Assert.False(blocked.IsCompleted, "the blocking read answered before anything changed");
        var resumed = (await server.Api.PostAsync($"/api/deployments/{id}/pause", new { pause = false })).Expect(HttpStatusCode.OK);
        Assert.Equal("running", resumed.GetProperty("status").GetString());
        var answer = await blocked;
        Assert.True(watching.Elapsed < TimeSpan.FromSeconds(20), $"the blocking read took {watching.Elapsed}");
        Assert.True(long.Parse(answer.Header("X-Modify-Index")!, CultureInfo.InvariantCulture) > index);
        Assert.Equal("running", answer.Expect(HttpStatusCode.OK).GetProperty("status").GetString());

        (await server.Api.PostAsync($"/api/deployments/{id}/continue", new { })).Expect(HttpStatusCode.OK);
        var done = await server.WaitForStatusAsync(id, "successful", "failed", "cancelled");
        Assert.Equal("successful", done.GetProperty("status").GetString());

        var events = (await server.Api.GetAsync($"/api/deployments/{id}/events")).Expect(HttpStatusCode.OK).EnumerateArray().ToList();
        Assert.Equal("created", events[0].GetProperty("kind").GetString());
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "paused");
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "resumed");
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "continue");

        // An ended deployment refuses every command, saying why.
        foreach (var command in new[] { "promote", "continue", "fail", "cancel" })
        {
            var refused = await server.Api.PostAsync($"/api/deployments/{id}/{command}");
            Assert.False(string.IsNullOrEmpty(refused.IsProblem(HttpStatusCode.Conflict).GetProperty("detail").GetString()));
        }

        (await server.Api.PostAsync($"/api/deployments/{id}/approve")).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PostAsync($"/api/deployments/{id}/allocation-health", new { healthy_allocation_ids = Array.Empty<Guid>() })).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.GetAsync($"/api/deployments/{Guid.NewGuid()}?index=1&wait=1s")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.GetAsync($"/api/deployments/{Guid.NewGuid()}/events")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.GetAsync($"/api/deployments/{Guid.NewGuid()}/allocations")).IsProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Canary_PromotedByGroup_AndRefusalsOnAWaitingCanary()
    {
        var cluster = await server.CreateLocalClusterAsync("promotion");
        var app = await server.CreateSampleAppAsync(cluster, "checkout", instances: 1);
        var id = (await server.Api.PostAsync("/api/deployments", new
        {
            app_id = app,
            strategy = "canary",
            options = Scenario.FastOptions(new { instance_weight = 50 }, new { instance_weight = 100 }),
        })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
        await server.WaitForAsync(id, d => d.GetProperty("status_description").GetString()!.StartsWith(RequiresPromotion, StringComparison.Ordinal), "waiting for promotion");

        (await server.Api.PostAsync($"/api/deployments/{id}/promote", new { groups = new[] { "db" } })).IsProblem(HttpStatusCode.UnprocessableEntity, "groups");
        (await server.Api.PostAsync($"/api/deployments/{id}/approve")).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PostAsync($"/api/deployments/{id}/allocation-health", new { healthy_allocation_ids = new[] { Guid.NewGuid() } }))
            .IsProblem(HttpStatusCode.UnprocessableEntity, "healthy_allocation_ids");
        var mine = (await server.Api.GetAsync($"/api/deployments/{id}/allocations")).Expect(HttpStatusCode.OK).EnumerateArray().First().GetProperty("id").GetGuid();
        (await server.Api.PostAsync($"/api/deployments/{id}/allocation-health", new { healthy_allocation_ids = new[] { mine }, unhealthy_allocation_ids = new[] { mine } }))
            .IsProblem(HttpStatusCode.BadRequest, "healthy_allocation_ids");
        // The app cannot lose its groups or be deleted under a running deployment.
        (await server.Api.PatchAsync($"/api/apps/{app}", new { groups = new Dictionary<string, int> { ["web"] = 2 } })).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.DeleteAsync($"/api/apps/{app}")).IsProblem(HttpStatusCode.Conflict);

        var promoted = await server.Api.PostAsync($"/api/deployments/{id}/promote", new { groups = new[] { "web" } });
        Assert.Equal(id, promoted.Expect(HttpStatusCode.OK).GetProperty("id").GetGuid());
        var done = await server.WaitForStatusAsync(id, "successful", "failed", "cancelled");
        Assert.Equal("successful", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("groups").GetProperty("web").GetProperty("promoted").GetBoolean());
    }
}
