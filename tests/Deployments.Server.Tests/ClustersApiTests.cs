using Deployments.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Server.Tests;

public sealed class ClustersApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Cluster_CreateReadListUpdateDelete_NeverShowingItsSecret()
    {
        var created = await server.Api.PostAsync("/api/clusters", new
        {
            name = "edge",
            region = "eu-west",
            driver = "webhook",
            driver_settings = new Dictionary<string, string> { ["endpoint"] = "http://127.0.0.1:9/hooks", ["secret"] = "s3cr3t-value-0123456789" },
        });
        var cluster = created.Expect(HttpStatusCode.Created);
        var id = cluster.GetProperty("id").GetGuid();
        Assert.Equal($"/api/clusters/{id}", created.Location);
        Assert.Equal("shared", cluster.GetProperty("kind").GetString());
        Assert.DoesNotContain("s3cr3t", created.Body, StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:9/hooks", cluster.GetProperty("driver_settings").GetProperty("endpoint").GetString());

        var read = await server.Api.GetAsync(created.Location!);
        Assert.Equal("edge", read.Expect(HttpStatusCode.OK).GetProperty("name").GetString());
        Assert.DoesNotContain("s3cr3t", read.Body, StringComparison.Ordinal);
        var list = await server.Api.GetAsync("/api/clusters");
        Assert.Contains(list.Expect(HttpStatusCode.OK).GetProperty("clusters").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain("s3cr3t", list.Body, StringComparison.Ordinal);

        var updated = await server.Api.PatchAsync($"/api/clusters/{id}", new { region = "eu-north", kind = "dedicated", driver_settings = new Dictionary<string, string> { ["endpoint"] = "http://127.0.0.1:9/v2" } });
        var after = updated.Expect(HttpStatusCode.OK);
        Assert.Equal("eu-north", after.GetProperty("region").GetString());
        Assert.Equal("dedicated", after.GetProperty("kind").GetString());
        Assert.Equal("edge", after.GetProperty("name").GetString());
        Assert.DoesNotContain("s3cr3t", updated.Body, StringComparison.Ordinal);
        // The secret was not sent again and is kept: driver settings merge.
        var stored = await server.Services.GetRequiredService<CatalogStore>().GetClusterAsync(id, CancellationToken.None);
        Assert.Equal("s3cr3t-value-0123456789", stored!.DriverSettings["secret"]);
        Assert.Equal("http://127.0.0.1:9/v2", stored.DriverSettings["endpoint"]);

        (await server.Api.DeleteAsync($"/api/clusters/{id}")).Expect(HttpStatusCode.NoContent);
        (await server.Api.GetAsync($"/api/clusters/{id}")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.DeleteAsync($"/api/clusters/{id}")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.PatchAsync($"/api/clusters/{id}", new { region = "x" })).IsProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cluster_Refusals_NameTheFieldOrSayWhy()
    {
        var invalid = await server.Api.PostAsync("/api/clusters", new { name = "Not A Name", driver = "ftp" });
        var problem = invalid.IsProblem(HttpStatusCode.BadRequest, "name");
        Assert.True(ProblemAssert.NamesField(problem, "driver"), invalid.ToString());
        Assert.True(ProblemAssert.NamesField(problem, "region"), invalid.ToString());
        (await server.Api.PostAsync("/api/clusters", new { name = "hooked", region = "r", driver = "webhook" })).IsProblem(HttpStatusCode.BadRequest, "driver_settings");

        var first = await server.CreateLocalClusterAsync("twin");
        var other = await server.CreateLocalClusterAsync("other");
        var duplicate = await server.Api.PostAsync("/api/clusters", new { name = "twin", region = "r", driver = "process" });
        Assert.Contains("already exists", duplicate.IsProblem(HttpStatusCode.Conflict).GetProperty("detail").GetString(), StringComparison.Ordinal);
        (await server.Api.PatchAsync($"/api/clusters/{other}", new { name = "twin" })).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PatchAsync($"/api/clusters/{other}", new { name = "UPPER" })).IsProblem(HttpStatusCode.BadRequest, "name");

        (await server.Api.GetAsync($"/api/clusters/{Guid.NewGuid()}")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.GetAsync("/api/clusters/not-a-uuid")).IsProblem(HttpStatusCode.BadRequest, "id");
        (await server.Api.DeleteAsync("/api/clusters/1234")).IsProblem(HttpStatusCode.BadRequest, "id");

        // In use: an app runs on it, so it cannot go.
        await server.Api.PostAsync("/api/apps", new { name = "tenant", cluster_id = first, groups = new Dictionary<string, int> { ["web"] = 0 } });
        var inUse = await server.Api.DeleteAsync($"/api/clusters/{first}");
        Assert.Contains("tenant", inUse.IsProblem(HttpStatusCode.Conflict).GetProperty("detail").GetString(), StringComparison.Ordinal);
        (await server.Api.GetAsync($"/api/clusters/{first}")).Expect(HttpStatusCode.OK);
    }
}
