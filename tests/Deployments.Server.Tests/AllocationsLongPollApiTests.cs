using System.Diagnostics;
using System.Globalization;
using TestSupport;

namespace Deployments.Server.Tests;

/// <summary>GET /api/deployments/{id}/allocations as a Nomad blocking query: index, wait, X-Modify-Index.</summary>
public sealed class AllocationsLongPollApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Allocations_BlockingRead_WaitsUntilAnAllocationChangesThenAnswersWithAHigherIndex()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("allocwatch"), "inventory", instances: 1);
        var options = Scenario.FastOptions();
        options["health_check"] = "manual";
        options["healthy_deadline"] = "60s";
        var id = (await server.DeployAsync(app, options)).GetProperty("id").GetGuid();
        await server.WaitForAsync(id, d => d.GetProperty("groups").TryGetProperty("web", out var web) && web.GetProperty("placed").GetInt32() == 1, "placed");
        var read = await Polling.UntilAsync<ApiResponse>("the allocation's placement recorded", async _ =>
        {
            var response = await server.Api.GetAsync($"/api/deployments/{id}/allocations");
            var placed = response.Expect(HttpStatusCode.OK).EnumerateArray().Single();
            return placed.GetProperty("actual_status").GetString() == "running" ? response : null;
        }, Scenario.DefaultTimeout);
        var index = long.Parse(read.Header("X-Modify-Index")!, CultureInfo.InvariantCulture);
        var allocation = read.Expect(HttpStatusCode.OK).EnumerateArray().Single();
        Assert.Equal(allocation.GetProperty("modify_index").GetInt64(), index);

        // With manual health nothing writes the allocation while it waits: the read waits out its wait.
        var quiet = Stopwatch.StartNew();
        var unchanged = await server.Api.GetAsync($"/api/deployments/{id}/allocations?index={index}&wait=1s");
        Assert.True(quiet.Elapsed >= TimeSpan.FromMilliseconds(900), $"returned after {quiet.Elapsed}");
        Assert.Equal(index, long.Parse(unchanged.Header("X-Modify-Index")!, CultureInfo.InvariantCulture));

        var watching = Stopwatch.StartNew();
        var blocked = server.Api.GetAsync($"/api/deployments/{id}/allocations?index={index}&wait=60s");
        await Task.Delay(300);
        Assert.False(blocked.IsCompleted, "the blocking read answered before anything changed");
        (await server.Api.PostAsync($"/api/deployments/{id}/allocation-health", new { healthy_allocation_ids = new[] { allocation.GetProperty("id").GetGuid() } }))
            .Expect(HttpStatusCode.OK);
        var answer = await blocked;
        Assert.True(watching.Elapsed < TimeSpan.FromSeconds(20), $"the blocking read took {watching.Elapsed}");
        Assert.True(long.Parse(answer.Header("X-Modify-Index")!, CultureInfo.InvariantCulture) > index);
        Assert.Equal("healthy", answer.Expect(HttpStatusCode.OK).EnumerateArray().Single().GetProperty("health").GetString());
        Assert.Equal("successful", (await server.WaitForStatusAsync(id, "successful", "failed", "cancelled")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Allocations_BlockingReadWithBadIndexOrWait_IsRefusedNamingTheParameter()
    {
        (await server.Api.GetAsync($"/api/deployments/{Guid.NewGuid()}/allocations?index=1&wait=1s")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.GetAsync($"/api/deployments/{Guid.NewGuid()}/allocations?index=-1")).IsProblem(HttpStatusCode.BadRequest, "index");
        (await server.Api.GetAsync($"/api/deployments/{Guid.NewGuid()}/allocations?index=1&wait=soon")).IsProblem(HttpStatusCode.BadRequest, "wait");
    }
}
