using TestSupport;

namespace Deployments.Server.Tests;

/// <summary>Promotion to an environment (with and without approval), through a pipeline, and to another cluster.</summary>
public sealed class PromotionApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task EnvironmentPromotion_LiveAtOnce_OrAfterApproval_AndRejected()
    {
        var cluster = await server.CreateLocalClusterAsync();
        var blue = await server.CreateSampleAppAsync(cluster, "blue", instances: 0);
        var green = await server.CreateSampleAppAsync(cluster, "green", instances: 0);
        var blueDeployment = (await server.DeploySuccessfullyAsync(blue)).GetProperty("id").GetGuid();
        var greenDeployment = (await server.DeploySuccessfullyAsync(green)).GetProperty("id").GetGuid();
        (await server.Api.PostAsync("/api/environments", new { name = "prod", cluster_id = cluster })).Expect(HttpStatusCode.Created);
        (await server.Api.PostAsync("/api/environments", new { name = "gated", cluster_id = cluster, requires_approval = true })).Expect(HttpStatusCode.Created);

        var live = (await server.Api.PostAsync("/api/environments/prod/promote", new { deployment_id = blueDeployment })).Expect(HttpStatusCode.OK);
        Assert.False(live.GetProperty("awaiting_approval").GetBoolean());
        Assert.Equal(blueDeployment, (await server.Api.GetAsync("/api/environments/prod")).Expect(HttpStatusCode.OK).GetProperty("live_deployment_id").GetGuid());
        var replaced = (await server.Api.PostAsync("/api/environments/prod/promote?namespace=default", new { deployment_id = greenDeployment, scale_down_previous_deployment = false })).Expect(HttpStatusCode.OK);
        Assert.Equal(blueDeployment, replaced.GetProperty("previous_deployment_id").GetGuid());
        Assert.False(replaced.GetProperty("scaled_down_previous").GetBoolean());

        var gated = await server.Api.PostAsync("/api/environments/gated/promote", new { deployment_id = blueDeployment });
        Assert.True(gated.Expect(HttpStatusCode.Accepted).GetProperty("awaiting_approval").GetBoolean());
        Assert.Equal($"/api/deployments/{blueDeployment}", gated.Location);
        Assert.Equal("gated", (await server.Api.GetAsync(gated.Location!)).Expect(HttpStatusCode.OK).GetProperty("awaiting_approval_for").GetString());
        (await server.Api.PostAsync("/api/environments/gated/promote", new { deployment_id = blueDeployment })).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PostAsync($"/api/deployments/{blueDeployment}/approve", new { reason = "looks good" })).Expect(HttpStatusCode.OK);
        await Polling.UntilAsync("the approved deployment to be live in gated", async _ =>
        {
            var environment = (await server.Api.GetAsync("/api/environments/gated")).Expect(HttpStatusCode.OK);
            return environment.TryGetProperty("live_deployment_id", out var liveId) && liveId.GetGuid() == blueDeployment ? "live" : null;
        }, Scenario.DefaultTimeout);

        (await server.Api.PostAsync("/api/environments/gated/promote", new { deployment_id = greenDeployment })).Expect(HttpStatusCode.Accepted);
        (await server.Api.PostAsync($"/api/deployments/{greenDeployment}/reject", new { reason = "not today" })).Expect(HttpStatusCode.OK);
        await server.WaitForAsync(greenDeployment, d => !d.TryGetProperty("awaiting_approval_for", out _), "no longer waiting for approval");
        Assert.Equal(blueDeployment, (await server.Api.GetAsync("/api/environments/gated")).Expect(HttpStatusCode.OK).GetProperty("live_deployment_id").GetGuid());

        // Only a successful deployment can go live.
        var canary = await server.CreateSampleAppAsync(cluster, "canary", instances: 1);
        var running = (await server.DeployAsync(canary, Scenario.FastOptions(new { instance_weight = 50 }, new { instance_weight = 100 }), strategy: "canary")).GetProperty("id").GetGuid();
        (await server.Api.PostAsync("/api/environments/prod/promote", new { deployment_id = running })).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PostAsync($"/api/deployments/{running}/cancel")).Expect(HttpStatusCode.OK);
        await server.WaitForStatusAsync(running, "cancelled", "failed", "successful");
    }

    [Fact]
    public async Task PipelinePromotion_StartsOneDeploymentPerTarget()
    {
        var cluster = await server.CreateLocalClusterAsync("pipeline");
        var source = await server.CreateSampleAppAsync(cluster, "api-dev", instances: 0);
        var east = await server.CreateSampleAppAsync(cluster, "api-east", instances: 0);
        var west = await server.CreateSampleAppAsync(cluster, "api-west", instances: 0);
        var pipeline = (await server.Api.PostAsync("/api/pipelines", new { name = "api", stages = new[] { new[] { source }, new[] { east, west } } })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
        var sourceDeployment = (await server.DeploySuccessfullyAsync(source, version: "v7")).GetProperty("id").GetGuid();

        var promoted = await server.Api.PostAsync($"/api/pipelines/{pipeline}/promote", new { source_app_id = source });
        // Sevalla's answer: an array with one outcome per target.
        var targets = promoted.Expect(HttpStatusCode.Accepted).EnumerateArray().ToList();
        Assert.All(targets, t => Assert.Equal(sourceDeployment, t.GetProperty("source_deployment_id").GetGuid()));
        Assert.Equal(new[] { east, west }.Order(), targets.Select(t => t.GetProperty("target_app_id").GetGuid()).Order());
        Assert.All(targets, t => Assert.False(t.TryGetProperty("error", out _), t.ToString()));
        Assert.Equal($"/api/deployments/{targets[0].GetProperty("deployment_id").GetGuid()}", promoted.Location);
        foreach (var target in targets)
        {
            var done = await server.WaitForStatusAsync(target.GetProperty("deployment_id").GetGuid(), "successful", "failed", "cancelled");
            Assert.Equal("successful", done.GetProperty("status").GetString());
        }

        var onlyWest = (await server.Api.PostAsync($"/api/pipelines/{pipeline}/promote", new { source_app_id = source, target_app_ids = new[] { west } })).Expect(HttpStatusCode.Accepted);
        Assert.Equal(west, Assert.Single(onlyWest.EnumerateArray()).GetProperty("target_app_id").GetGuid());
        (await server.Api.PostAsync($"/api/pipelines/{pipeline}/promote", new { source_app_id = source, target_app_ids = new[] { Guid.NewGuid() } })).IsProblem(HttpStatusCode.UnprocessableEntity, "target_app_ids");
    }

    [Fact]
    public async Task ClusterPromotion_CopiesTheRevisionToANewAppOnTheTargetCluster()
    {
        var home = await server.CreateLocalClusterAsync("home");
        var edge = await server.CreateLocalClusterAsync("edge");
        var app = await server.CreateSampleAppAsync(home, "cache", instances: 0);
        var source = (await server.DeploySuccessfullyAsync(app)).GetProperty("id").GetGuid();

        (await server.Api.PostAsync($"/api/deployments/{source}/promote-to-cluster", new { target_cluster_id = home })).IsProblem(HttpStatusCode.UnprocessableEntity, "target_cluster_id");
        (await server.Api.PostAsync($"/api/deployments/{source}/promote-to-cluster", new { target_cluster_id = Guid.NewGuid() })).IsProblem(HttpStatusCode.UnprocessableEntity, "target_cluster_id");
        (await server.Api.PostAsync($"/api/deployments/{source}/promote-to-cluster", new { target_cluster_id = edge, new_name = "Cache At Edge" })).IsProblem(HttpStatusCode.BadRequest, "new_name");
        (await server.Api.PostAsync($"/api/deployments/{source}/promote-to-cluster", new { new_name = "x" })).IsProblem(HttpStatusCode.BadRequest, "target_cluster_id");
        (await server.Api.PostAsync($"/api/deployments/{Guid.NewGuid()}/promote-to-cluster", new { target_cluster_id = edge })).IsProblem(HttpStatusCode.NotFound);

        var promoted = await server.Api.PostAsync($"/api/deployments/{source}/promote-to-cluster", new
        {
            target_cluster_id = edge,
            new_name = "cache-edge",
            overrides = new { config = new Dictionary<string, string> { ["REGION"] = "edge" } },
        });
        var result = promoted.Expect(HttpStatusCode.Accepted);
        var newDeployment = result.GetProperty("new_deployment_id").GetGuid();
        Assert.Equal($"/api/deployments/{newDeployment}", promoted.Location);
        var done = await server.WaitForStatusAsync(newDeployment, "successful", "failed", "cancelled");
        Assert.Equal("successful", done.GetProperty("status").GetString());
        var copy = (await server.Api.GetAsync($"/api/apps/{done.GetProperty("app_id").GetGuid()}")).Expect(HttpStatusCode.OK);
        Assert.Equal("cache-edge", copy.GetProperty("name").GetString());
        Assert.Equal(edge, copy.GetProperty("cluster_id").GetGuid());
        (await server.Api.PostAsync($"/api/deployments/{source}/promote-to-cluster", new { target_cluster_id = edge, new_name = "cache-edge" })).IsProblem(HttpStatusCode.Conflict);
    }
}
