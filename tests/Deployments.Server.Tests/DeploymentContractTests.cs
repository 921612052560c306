namespace Deployments.Server.Tests;

/// <summary>What a deployment looks like from outside: its state and links, none of the stored record's bookkeeping.</summary>
public sealed class DeploymentContractTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Deployment_ShowsLinksToFollowAndCommandIt_AndNothingInternal()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("contracts"), "catalog", instances: 1);
        var done = await server.DeploySuccessfullyAsync(app);
        var id = done.GetProperty("id").GetGuid();
        var listed = (await server.Api.GetAsync($"/api/deployments?app_id={app}")).Expect(HttpStatusCode.OK).GetProperty("deployments").EnumerateArray().Single();

        foreach (var deployment in new[] { done, listed })
        {
            foreach (var internalField in new[] { "recent_update_ids", "instance_id", "paused_total" })
            {
                Assert.False(deployment.TryGetProperty(internalField, out _), $"{internalField} leaked: {deployment}");
            }

            var links = deployment.GetProperty("links");
            Assert.Equal($"/api/deployments/{id}", links.GetProperty("self").GetString());
            Assert.Equal($"/api/deployments/{id}?index={deployment.GetProperty("modify_index").GetInt64()}&wait=30s", links.GetProperty("next").GetString());
            Assert.Equal($"/api/deployments/{id}/events", links.GetProperty("events").GetString());
            Assert.Equal($"/api/deployments/{id}/promote", links.GetProperty("commands").GetProperty("promote").GetString());
        }

        (await server.Api.GetAsync(done.GetProperty("links").GetProperty("allocations").GetString()!)).Expect(HttpStatusCode.OK);
    }
}
