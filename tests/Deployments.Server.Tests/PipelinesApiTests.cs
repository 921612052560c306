namespace Deployments.Server.Tests;

public sealed class PipelinesApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Pipeline_CreateReadListUpdateDelete_AndRefusals()
    {
        var cluster = await server.CreateLocalClusterAsync();
        var dev = await server.CreateSampleAppAsync(cluster, "web-dev", instances: 0);
        var staging = await server.CreateSampleAppAsync(cluster, "web-staging", instances: 0);
        var prod = await server.CreateSampleAppAsync(cluster, "web-prod", instances: 0);
        var elsewhere = await server.CreateSampleAppAsync(cluster, "web-other", instances: 0, @namespace: "other");

        var created = await server.Api.PostAsync("/api/pipelines", new { name = "web", stages = new[] { new[] { dev }, new[] { staging } } });
        var pipeline = created.Expect(HttpStatusCode.Created);
        var id = pipeline.GetProperty("id").GetGuid();
        Assert.Equal($"/api/pipelines/{id}", created.Location);
        Assert.Equal("default", pipeline.GetProperty("namespace").GetString());
        Assert.Equal("web", (await server.Api.GetAsync(created.Location!)).Expect(HttpStatusCode.OK).GetProperty("name").GetString());
        Assert.Single((await server.Api.GetAsync("/api/pipelines")).Expect(HttpStatusCode.OK).GetProperty("pipelines").EnumerateArray());
        Assert.Empty((await server.Api.GetAsync("/api/pipelines?namespace=other")).Expect(HttpStatusCode.OK).GetProperty("pipelines").EnumerateArray());

        var patched = (await server.Api.PatchAsync($"/api/pipelines/{id}", new { stages = new[] { new[] { dev }, new[] { staging }, new[] { prod } } })).Expect(HttpStatusCode.OK);
        Assert.Equal(3, patched.GetProperty("stages").GetArrayLength());
        Assert.Equal("web", patched.GetProperty("name").GetString());

        (await server.Api.PostAsync("/api/pipelines", new { name = "web", stages = new[] { new[] { dev }, new[] { prod } } })).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PostAsync("/api/pipelines", new { name = "one", stages = new[] { new[] { dev } } })).IsProblem(HttpStatusCode.BadRequest, "stages");
        (await server.Api.PostAsync("/api/pipelines", new { name = "dup", stages = new[] { new[] { dev }, new[] { dev } } })).IsProblem(HttpStatusCode.BadRequest, "stages[1]");
        (await server.Api.PostAsync("/api/pipelines", new { name = "empty", stages = new[] { new[] { dev }, Array.Empty<Guid>() } })).IsProblem(HttpStatusCode.BadRequest, "stages[1]");
        (await server.Api.PostAsync("/api/pipelines", new { name = "ghost", stages = new[] { new[] { dev }, new[] { Guid.NewGuid() } } })).IsProblem(HttpStatusCode.UnprocessableEntity, "stages[1]");
        (await server.Api.PostAsync("/api/pipelines", new { name = "mixed", stages = new[] { new[] { dev }, new[] { elsewhere } } })).IsProblem(HttpStatusCode.UnprocessableEntity, "stages[1]");
        (await server.Api.PatchAsync($"/api/pipelines/{id}", new { name = "No Good" })).IsProblem(HttpStatusCode.BadRequest, "name");
        (await server.Api.PatchAsync($"/api/pipelines/{Guid.NewGuid()}", new { name = "x" })).IsProblem(HttpStatusCode.NotFound);

        (await server.Api.PostAsync($"/api/pipelines/{Guid.NewGuid()}/promote", new { source_app_id = dev })).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.PostAsync($"/api/pipelines/{id}/promote", new { source_app_id = elsewhere })).IsProblem(HttpStatusCode.UnprocessableEntity, "source_app_id");
        (await server.Api.PostAsync($"/api/pipelines/{id}/promote", new { source_app_id = prod })).IsProblem(HttpStatusCode.UnprocessableEntity, "target_app_ids");
        (await server.Api.PostAsync($"/api/pipelines/{id}/promote", new { source_app_id = dev, target_app_ids = new[] { staging, staging } })).IsProblem(HttpStatusCode.BadRequest, "target_app_ids");
        // The source has never been deployed successfully: nothing to promote.
        (await server.Api.PostAsync($"/api/pipelines/{id}/promote", new { source_app_id = dev })).IsProblem(HttpStatusCode.Conflict);

        (await server.Api.DeleteAsync($"/api/pipelines/{id}")).Expect(HttpStatusCode.NoContent);
        (await server.Api.GetAsync($"/api/pipelines/{id}")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.DeleteAsync($"/api/pipelines/{id}")).IsProblem(HttpStatusCode.NotFound);
    }
}
