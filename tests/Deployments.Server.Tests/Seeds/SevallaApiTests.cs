namespace Deployments.Server.Tests.Seeds;

/// <summary>Sevalla's pipeline promotion, driven by its document's own curl sample with the ids filled in.</summary>
public sealed class SevallaApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>The sample as the document prints it; its one example uuid stands for the source app, then the target app.</summary>
    private const string PromoteSample = """
        curl --request POST \
          --url https://api.sevalla.com/v3/pipelines/{id}/promote \
          --header 'Authorization: Bearer <token>' \
          --header 'Content-Type: application/json' \
          --data '
        {
          "source_app_id": "fb5e5168-4281-4bec-94c5-0d1584e9e657",
          "target_app_ids": [
            "fb5e5168-4281-4bec-94c5-0d1584e9e657"
          ]
        }
        '
        """;

    private const string ExampleId = "fb5e5168-4281-4bec-94c5-0d1584e9e657";

    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task PromotePipeline_AsTheSampleSendsIt_Answers200WithTheBareArrayOfTargetsAndTheirDeployments()
    {
        var (pipeline, source, target) = await PipelineWithDeployedSourceAsync("shop");

        var response = await Sample(pipeline, source, target).SendAsync(server);

        var item = Assert.Single(response.Expect(HttpStatusCode.OK).EnumerateArray());
        Assert.Equal(["deployment_id", "target_app_id"], item.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(target, item.GetProperty("target_app_id").GetGuid());
        var deployment = item.GetProperty("deployment_id").GetGuid();
        Assert.Equal("successful", (await server.WaitForStatusAsync(deployment, "successful", "failed", "cancelled")).GetProperty("status").GetString());
        // The same use case as the API's own: the timeline names the actor the key stands for.
        var events = (await server.Api.GetAsync($"/api/deployments/{deployment}/events")).Expect(HttpStatusCode.OK);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("actor").GetString() == "admin");
    }

    [Fact]
    public async Task PromotePipeline_WithoutTargets_OrWithoutAKey_IsRefusedAndStartsNothing()
    {
        var (pipeline, source, target) = await PipelineWithDeployedSourceAsync("cart");

        var empty = await CurlSample.Parse(PromoteSample.Replace("""
              "target_app_ids": [
                "fb5e5168-4281-4bec-94c5-0d1584e9e657"
              ]
            """, """  "target_app_ids": []""", StringComparison.Ordinal), Values(pipeline, source, target)).SendAsync(server);
        empty.IsProblem(HttpStatusCode.BadRequest, "target_app_ids");
        var missing = await CurlSample.Parse(PromoteSample.Replace(",\n  \"target_app_ids\": [\n    \"" + ExampleId + "\"\n  ]", string.Empty, StringComparison.Ordinal),
            Values(pipeline, source, target)).SendAsync(server);
        missing.IsProblem(HttpStatusCode.BadRequest, "target_app_ids");
        var anonymous = await CurlSample.Parse(PromoteSample.Replace("  --header 'Authorization: Bearer <token>' \\\n", string.Empty, StringComparison.Ordinal),
            Values(pipeline, source, target)).SendAsync(server);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        var notAUuid = await CurlSample.Parse(PromoteSample.Replace(ExampleId, "not-a-uuid", StringComparison.Ordinal), Values(pipeline, source, target)).SendAsync(server);
        notAUuid.IsProblem(HttpStatusCode.BadRequest, "source_app_id");

        var (deployments, _) = await DeploymentsOfAsync(target);
        Assert.Equal(0, deployments);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesOnlySevallasOperation_InItsNames()
    {
        var document = (await server.Api.GetAsync("/api/openapi/sevalla.json")).Expect(HttpStatusCode.OK);

        var path = Assert.Single(document.GetProperty("paths").EnumerateObject());
        Assert.Equal("/v3/pipelines/{id}/promote", path.Name);
        var operation = path.Value.GetProperty("post");
        Assert.Equal("id", Assert.Single(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("in").GetString() == "path").GetProperty("name").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["source_app_id", "target_app_ids"], schemas.GetProperty("SevallaPromoteBody").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["deployment_id", "target_app_id"], schemas.GetProperty("SevallaPromotedTarget").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        // The API's own document keeps its own operations and none of the seed's.
        var own = (await server.Api.GetAsync("/api/openapi/v1.json")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(own.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/v3/", StringComparison.Ordinal));
        Assert.Contains(own.GetProperty("paths").EnumerateObject(), p => p.Name == "/api/pipelines/{id}/promote");
    }

    private CurlSample Sample(Guid pipeline, Guid source, Guid target) => CurlSample.Parse(FillIds(PromoteSample, source, target), Values(pipeline, source, target));

    private Dictionary<string, string> Values(Guid pipeline, Guid source, Guid target) => new() { ["id"] = pipeline.ToString(), ["token"] = server.AdminKey };

    /// <summary>The document's example uuid in the order it appears: the source app, then the target app.</summary>
    private static string FillIds(string sample, Guid source, Guid target)
    {
        var first = sample.IndexOf(ExampleId, StringComparison.Ordinal);
        var filled = sample[..first] + source + sample[(first + ExampleId.Length)..];
        return filled.Replace(ExampleId, target.ToString(), StringComparison.Ordinal);
    }

    private async Task<(Guid Pipeline, Guid Source, Guid Target)> PipelineWithDeployedSourceAsync(string name)
    {
        var cluster = await server.CreateLocalClusterAsync($"{name}-cluster");
        var source = await server.CreateSampleAppAsync(cluster, $"{name}-staging", instances: 0);
        var target = await server.CreateSampleAppAsync(cluster, $"{name}-prod", instances: 0);
        var pipeline = (await server.Api.PostAsync("/api/pipelines", new { name, stages = new[] { new[] { source }, new[] { target } } })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
        await server.DeploySuccessfullyAsync(source, version: "v2");
        return (pipeline, source, target);
    }

    private async Task<(int Count, JsonElement Page)> DeploymentsOfAsync(Guid app)
    {
        var page = (await server.Api.GetAsync($"/api/deployments?app_id={app}")).Expect(HttpStatusCode.OK);
        return (page.GetProperty("deployments").GetArrayLength(), page);
    }
}
