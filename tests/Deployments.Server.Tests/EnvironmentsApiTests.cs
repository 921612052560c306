namespace Deployments.Server.Tests;

public sealed class EnvironmentsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Environment_CreateReadListUpdateDelete_InItsNamespace()
    {
        var cluster = await server.CreateLocalClusterAsync();
        var created = await server.Api.PostAsync("/api/environments", new { name = "staging", @namespace = "team-a", cluster_id = cluster, order = 2, requires_approval = true, approval_expiry = "1h" });
        var environment = created.Expect(HttpStatusCode.Created);
        Assert.Equal("/api/environments/staging?namespace=team-a", created.Location);
        Assert.Equal("1h", environment.GetProperty("approval_expiry").GetString());

        Assert.Equal(2, (await server.Api.GetAsync(created.Location!)).Expect(HttpStatusCode.OK).GetProperty("order").GetInt32());
        (await server.Api.GetAsync("/api/environments/staging")).IsProblem(HttpStatusCode.NotFound);
        var listed = (await server.Api.GetAsync("/api/environments?namespace=team-a")).Expect(HttpStatusCode.OK).GetProperty("environments");
        Assert.Equal("staging", Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());
        Assert.DoesNotContain((await server.Api.GetAsync("/api/environments")).Expect(HttpStatusCode.OK).GetProperty("environments").EnumerateArray(),
            e => e.GetProperty("name").GetString() == "staging");

        var patched = (await server.Api.PatchAsync("/api/environments/staging?namespace=team-a", new { order = 3, approval_expiry = (string?)null })).Expect(HttpStatusCode.OK);
        Assert.Equal(3, patched.GetProperty("order").GetInt32());
        Assert.False(patched.TryGetProperty("approval_expiry", out _), "a null approval_expiry clears it");
        Assert.True(patched.GetProperty("requires_approval").GetBoolean(), "fields left out stay as they are");

        (await server.Api.DeleteAsync("/api/environments/staging?namespace=team-a")).Expect(HttpStatusCode.NoContent);
        (await server.Api.GetAsync("/api/environments/staging?namespace=team-a")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.DeleteAsync("/api/environments/staging?namespace=team-a")).IsProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Environment_Refusals()
    {
        var cluster = await server.CreateLocalClusterAsync("refusals");
        (await server.Api.PostAsync("/api/environments", new { name = "qa", cluster_id = Guid.NewGuid() })).IsProblem(HttpStatusCode.UnprocessableEntity, "cluster_id");
        (await server.Api.PostAsync("/api/environments", new { name = "QA!", cluster_id = cluster, order = -1 })).IsProblem(HttpStatusCode.BadRequest, "name");
        (await server.Api.PostAsync("/api/environments", new { name = "qa", cluster_id = cluster, approval_expiry = "0s" })).IsProblem(HttpStatusCode.BadRequest, "approval_expiry");
        (await server.Api.PostAsync("/api/environments", new { name = "qa", @namespace = "Not/Valid", cluster_id = cluster })).IsProblem(HttpStatusCode.BadRequest, "namespace");
        (await server.Api.PostAsync("/api/environments", new { name = "qa", cluster_id = cluster })).Expect(HttpStatusCode.Created);
        (await server.Api.PostAsync("/api/environments", new { name = "qa", cluster_id = cluster })).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PatchAsync("/api/environments/qa", new { cluster_id = Guid.NewGuid() })).IsProblem(HttpStatusCode.UnprocessableEntity, "cluster_id");
        (await server.Api.PatchAsync("/api/environments/qa", new { order = -5 })).IsProblem(HttpStatusCode.BadRequest, "order");
        (await server.Api.PatchAsync("/api/environments/nowhere", new { order = 1 })).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.GetAsync("/api/environments/qa?namespace=Bad_Namespace")).IsProblem(HttpStatusCode.BadRequest, "namespace");

        // An app that says it belongs to the environment keeps it from being deleted.
        (await server.Api.PostAsync("/api/apps", new { name = "member", cluster_id = cluster, environment = "qa", groups = new Dictionary<string, int> { ["web"] = 0 } })).Expect(HttpStatusCode.Created);
        var refused = await server.Api.DeleteAsync("/api/environments/qa");
        Assert.Contains("member", refused.IsProblem(HttpStatusCode.Conflict).GetProperty("detail").GetString(), StringComparison.Ordinal);

        (await server.Api.PostAsync("/api/environments/nowhere/promote", new { deployment_id = Guid.NewGuid() })).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.PostAsync("/api/environments/qa/promote", new { deployment_id = Guid.NewGuid() })).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.PostAsync("/api/environments/qa/promote", new { scale_down_previous_deployment = false })).IsProblem(HttpStatusCode.BadRequest, "deployment_id");
    }
}
