namespace Deployments.Server.Tests;

/// <summary>Manual health, fail, cancel and rollback of real rollouts, through the API.</summary>
public sealed class DeploymentLifecycleApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task ManualHealth_MarkedThroughTheApi_LetsTheRolloutFinish()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync(), "ledger", instances: 1);
        var options = Scenario.FastOptions();
        options["health_check"] = "manual";
        var id = (await server.DeployAsync(app, options)).GetProperty("id").GetGuid();
        await server.WaitForAsync(id, d => d.GetProperty("groups").TryGetProperty("web", out var web) && web.GetProperty("placed").GetInt32() == 1, "placed");
        var allocation = (await server.Api.GetAsync($"/api/deployments/{id}/allocations")).Expect(HttpStatusCode.OK).EnumerateArray().Single();
        Assert.Equal("pending", allocation.GetProperty("health").GetString());

        var marked = await server.Api.PostAsync($"/api/deployments/{id}/allocation-health", new { healthy_allocation_ids = new[] { allocation.GetProperty("id").GetGuid() } });
        marked.Expect(HttpStatusCode.OK);
        var done = await server.WaitForStatusAsync(id, "successful", "failed", "cancelled");
        Assert.Equal("successful", done.GetProperty("status").GetString());
        var events = (await server.Api.GetAsync($"/api/deployments/{id}/events")).Expect(HttpStatusCode.OK);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("kind").GetString() == "allocation-health");
    }

    [Fact]
    public async Task FailAndCancel_EndTheDeployment_WithTheReasonOnTheTimeline()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("endings"), "billing", instances: 1);
        var waitingOptions = Scenario.FastOptions(new { instance_weight = 50 }, new { instance_weight = 100 });

        var failing = (await server.DeployAsync(app, waitingOptions, strategy: "canary")).GetProperty("id").GetGuid();
        await server.WaitForAsync(failing, d => d.GetProperty("current_step").GetInt32() >= 1, "at its first step");
        (await server.Api.PostAsync($"/api/deployments/{failing}/fail", new { reason = new string('x', 1001) })).IsProblem(HttpStatusCode.BadRequest, "reason");
        (await server.Api.PostAsync($"/api/deployments/{failing}/fail", new { reason = "bad metrics" })).Expect(HttpStatusCode.OK);
        Assert.Equal("failed", (await server.WaitForStatusAsync(failing, "failed", "successful", "cancelled")).GetProperty("status").GetString());
        var failEvents = (await server.Api.GetAsync($"/api/deployments/{failing}/events")).Expect(HttpStatusCode.OK);
        Assert.Contains(failEvents.EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("bad metrics", StringComparison.Ordinal));

        var cancelling = (await server.DeployAsync(app, waitingOptions, strategy: "canary")).GetProperty("id").GetGuid();
        await server.WaitForAsync(cancelling, d => d.GetProperty("current_step").GetInt32() >= 1, "at its first step");
        (await server.Api.PostAsync($"/api/deployments/{cancelling}/cancel", new { reason = "wrong build" })).Expect(HttpStatusCode.OK);
        Assert.Equal("cancelled", (await server.WaitForStatusAsync(cancelling, "cancelled", "failed", "successful")).GetProperty("status").GetString());
        (await server.Api.PostAsync($"/api/deployments/{cancelling}/cancel")).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PostAsync($"/api/deployments/{Guid.NewGuid()}/cancel")).IsProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rollback_ToThePreviousStableRevision_OrANamedOne_RunsAsANewDeployment()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("rollbacks"), "search", instances: 1);
        await server.DeploySuccessfullyAsync(app);
        await server.DeploySuccessfullyAsync(app, version: "v2");

        var started = await server.Api.PostAsync($"/api/apps/{app}/rollback", new { reason = "v2 is slow" });
        var rollback = started.Expect(HttpStatusCode.Accepted);
        var id = rollback.GetProperty("id").GetGuid();
        Assert.Equal($"/api/deployments/{id}", started.Location);
        Assert.Equal("2", started.Header("Retry-After"));
        Assert.Equal("rollback", rollback.GetProperty("kind").GetString());
        Assert.Equal(1, rollback.GetProperty("revision").GetInt32());
        Assert.Equal("successful", (await server.WaitForStatusAsync(id, "successful", "failed", "cancelled")).GetProperty("status").GetString());

        var named = (await server.Api.PostAsync($"/api/apps/{app}/rollback", new { revision = 2 })).Expect(HttpStatusCode.Accepted);
        Assert.Equal(2, named.GetProperty("revision").GetInt32());
        Assert.Equal("successful", (await server.WaitForStatusAsync(named.GetProperty("id").GetGuid(), "successful", "failed", "cancelled")).GetProperty("status").GetString());
        Assert.Equal(2, (await server.Api.GetAsync($"/api/apps/{app}")).Expect(HttpStatusCode.OK).GetProperty("current_revision").GetInt32());
    }
}
