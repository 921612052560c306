using System.Text;

namespace Deployments.Server.Tests;

/// <summary>Every error is a problem document, and bad input is a 4xx naming what was wrong, never a 500.</summary>
public sealed class ErrorResponseTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task UnknownRoutesAndMethods_AreProblemDocuments()
    {
        (await server.Api.GetAsync("/api/nothing-here")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.GetAsync("/api/deployments/00000000-0000-0000-0000-000000000001/nothing")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.SendRawAsync(HttpMethod.Put, "/api/clusters", "{}")).IsProblem(HttpStatusCode.MethodNotAllowed);
        (await server.Api.DeleteAsync("/api/deployments")).IsProblem(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task InvalidUuids_InRoutes_NameTheParameter()
    {
        (await server.Api.GetAsync("/api/deployments/not-a-uuid")).IsProblem(HttpStatusCode.BadRequest, "id");
        (await server.Api.PostAsync("/api/deployments/zzz/cancel")).IsProblem(HttpStatusCode.BadRequest, "id");
        (await server.Api.GetAsync("/api/apps/123/revisions/1")).IsProblem(HttpStatusCode.BadRequest, "id");
        (await server.Api.GetAsync($"/api/apps/{Guid.NewGuid()}/revisions/one")).IsProblem(HttpStatusCode.BadRequest, "number");
        (await server.Api.PatchAsync("/api/pipelines/abc", new { name = "x" })).IsProblem(HttpStatusCode.BadRequest, "id");
    }

    [Theory]
    [InlineData("{\"name\": ", "body")]
    [InlineData("{\"name\": 5, \"region\": \"r\", \"driver\": \"process\"}", "name")]
    [InlineData("{\"name\": \"a\", \"region\": \"r\", \"driver\": \"process\", \"colour\": \"red\"}", "colour")]
    [InlineData("{\"name\": \"a\", \"region\": \"r\", \"driver\": \"process\", \"kind\": \"huge\"}", "kind")]
    [InlineData("{\"name\": \"a\", \"region\": \"r\", \"driver\": \"process\", \"kind\": 1}", "kind")]
    [InlineData("{\"name\": \"a\", \"name\": \"b\", \"region\": \"r\", \"driver\": \"process\"}", "name")]
    [InlineData("{\"name\": \"a\", \"region\": \"r\", \"driver\": \"process\",}", "body")]
    [InlineData("[{\"name\": \"a\"}]", "body")]
    [InlineData("{\"name\": \"a\", \"region\": \"r\", \"driver\": \"process\", \"driver_settings\": {\"k\": null}}", "driver_settings.k")]
    [InlineData("{\"name\": \"a\", \"region\": \"r\", \"driver\": \"process\", \"driver_settings\": {\"k\": 7}}", "driver_settings.k")]
    public async Task MalformedClusterBodies_AreRefused_NamingTheField(string body, string field) =>
        (await server.Api.SendRawAsync(HttpMethod.Post, "/api/clusters", body)).IsProblem(HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("{\"app_id\": \"not-a-uuid\"}", "app_id")]
    [InlineData("{\"strategy\": \"canary\"}", "app_id")]
    [InlineData("{\"app_id\": \"6b3c2f2e-0000-4000-8000-000000000000\", \"strategy\": \"blue-green\"}", "strategy")]
    [InlineData("{\"app_id\": \"6b3c2f2e-0000-4000-8000-000000000000\", \"revision\": \"2\"}", "revision")]
    [InlineData("{\"app_id\": \"6b3c2f2e-0000-4000-8000-000000000000\", \"options\": {\"steps\": null}}", "options.steps")]
    [InlineData("{\"app_id\": \"6b3c2f2e-0000-4000-8000-000000000000\", \"options\": {\"steps\": [null]}}", "options.steps[0]")]
    [InlineData("{\"app_id\": \"6b3c2f2e-0000-4000-8000-000000000000\", \"options\": {\"steps\": [{\"instance_weight\": \"ten\"}]}}", "options.steps[0].instance_weight")]
    [InlineData("{\"app_id\": \"6b3c2f2e-0000-4000-8000-000000000000\", \"options\": {\"healthy_deadline\": \"soon\"}}", "options.healthy_deadline")]
    [InlineData("{\"app_id\": \"6b3c2f2e-0000-4000-8000-000000000000\", \"options\": {\"healthy_deadline\": \"99999999999999h\"}}", "options.healthy_deadline")]
    [InlineData("{\"app_id\": \"6b3c2f2e-0000-4000-8000-000000000000\", \"options\": {\"max_in_flight\": 99999999999}}", "options.max_in_flight")]
    [InlineData("{\"app_id\": \"6b3c2f2e-0000-4000-8000-000000000000\", \"artifact\": {\"command\": \"x\", \"args\": [1]}}", "artifact.args[0]")]
    [InlineData("{\"app_id\": \"6b3c2f2e-0000-4000-8000-000000000000\", \"config\": {\"a\": \"b\"}}", "config")]
    public async Task MalformedDeploymentBodies_AreRefused_NamingTheField(string body, string field) =>
        (await server.Api.SendRawAsync(HttpMethod.Post, "/api/deployments", body)).IsProblem(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task MissingRequiredFields_AreNamed()
    {
        (await server.Api.PostAsync("/api/environments", new { name = "dev" })).IsProblem(HttpStatusCode.BadRequest, "cluster_id");
        (await server.Api.PostAsync("/api/apps", new { name = "a" })).IsProblem(HttpStatusCode.BadRequest, "cluster_id");
        (await server.Api.PostAsync("/api/clusters")).IsProblem(HttpStatusCode.BadRequest, "body");
        (await server.Api.PostAsync($"/api/pipelines/{Guid.NewGuid()}/promote", new { target_app_ids = Array.Empty<Guid>() })).IsProblem(HttpStatusCode.BadRequest, "source_app_id");
        (await server.Api.PostAsync("/api/subscriptions", new { url = "https://example.test/hook" })).IsProblem(HttpStatusCode.BadRequest, "secret");
    }

    [Fact]
    public async Task HugeAndHostileBodies_AreRefused()
    {
        var huge = "{\"name\": \"" + new string('a', 2 * 1024 * 1024) + "\"}";
        var tooLarge = await server.Api.SendRawAsync(HttpMethod.Post, "/api/clusters", huge);
        tooLarge.IsProblem(HttpStatusCode.RequestEntityTooLarge);

        var longString = JsonSerializer.Serialize(new { name = "a", region = new string('r', 20_000), driver = "process" });
        (await server.Api.SendRawAsync(HttpMethod.Post, "/api/clusters", longString)).IsProblem(HttpStatusCode.BadRequest, "region");
        var longArray = JsonSerializer.Serialize(new { name = "p", stages = Enumerable.Range(0, 2000).Select(_ => new[] { Guid.NewGuid() }) });
        (await server.Api.SendRawAsync(HttpMethod.Post, "/api/pipelines", longArray)).IsProblem(HttpStatusCode.BadRequest, "stages");
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        (await server.Api.SendRawAsync(HttpMethod.Post, "/api/clusters", deep)).IsProblem(HttpStatusCode.BadRequest, "body");
        var notUtf8 = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        notUtf8.Headers.ContentType = new("application/json");
        (await server.Api.SendAsync(HttpMethod.Post, "/api/clusters", notUtf8)).IsProblem(HttpStatusCode.BadRequest, "body");
        (await server.Api.SendRawAsync(HttpMethod.Post, "/api/clusters", "name=a", "text/plain")).IsProblem(HttpStatusCode.UnsupportedMediaType);
        var form = new StringContent("name=a&region=b", Encoding.UTF8, "application/x-www-form-urlencoded");
        (await server.Api.SendAsync(HttpMethod.Post, "/api/clusters", form)).IsProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("page_size=abc", "page_size")]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=100000", "page_size")]
    [InlineData("created_from=yesterday", "created_from")]
    [InlineData("created_from=2030-01-02T00:00:00Z&created_to=2030-01-01T00:00:00Z", "created_to")]
    [InlineData("index=-1", "index")]
    [InlineData("index=many", "index")]
    [InlineData("index=1&wait=forever", "wait")]
    [InlineData("prefix=abc", "prefix")]
    [InlineData("prefix=zz", "prefix")]
    [InlineData("status=exploded", "status")]
    [InlineData("status=running,3", "status")]
    [InlineData("next_token=garbage!", "next_token")]
    [InlineData("next_token=Zm9vYmFy", "next_token")]
    [InlineData("namespace=Bad_Namespace", "namespace")]
    [InlineData("app_id=42", "app_id")]
    public async Task BadListQueries_NameTheValue(string query, string field) =>
        (await server.Api.GetAsync($"/api/deployments?{query}")).IsProblem(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task OpenApiDocument_DescribesTheResourceApis()
    {
        var document = (await server.Api.GetAsync("/api/openapi/v1.json")).Expect(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/clusters", "/api/environments/{name}/promote", "/api/apps/{id}/revisions", "/api/apps/{id}/rollback", "/api/pipelines/{id}/promote", "/api/subscriptions/{id}", "/api/deployments" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        // Bodies are read by the API's strict reader, yet documented with their schema.
        var create = paths.GetProperty("/api/clusters").GetProperty("post");
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out var schema), create.ToString());
        Assert.True(schema.TryGetProperty("schema", out _), create.ToString());
        Assert.False(create.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "body"), create.ToString());

        // Every operation has an id a client generator can name its method after (the Functions app's function name).
        var operations = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "patch" or "delete" or "put").Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value))).ToList();
        Assert.All(operations, o => Assert.True(o.Operation.TryGetProperty("operationId", out _), $"{o.Method} {o.Path} has no operationId"));
        Assert.Equal("CreateCluster", create.GetProperty("operationId").GetString());
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task OpenApiDocument_GivesTheOperatorApiItsResponseSchemas()
    {
        var document = (await server.Api.GetAsync("/api/openapi/v1.json")).Expect(HttpStatusCode.OK);
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/runtime/webhooks/durabletask/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "delete").Select(o => (Name: $"{o.Name} {p.Name}", Operation: o.Value)))
            .ToList();

        Assert.Equal(9, operations.Count);
        foreach (var (name, operation) in operations)
        {
            var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            Assert.True(responses.Keys.Any(code => code.StartsWith('2')), $"{name} documents no success");
            Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403"), $"{name} documents no 401/403 problem");
            Assert.True(!name.Contains("{instanceId}", StringComparison.Ordinal) || responses.ContainsKey("404"), $"{name} documents no 404 problem");
            foreach (var (code, response) in responses.Where(r => r.Key != "202" || !name.StartsWith("post", StringComparison.Ordinal)))
            {
                Assert.True(response.TryGetProperty("content", out var content) && content.EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _)),
                    $"{name} {code} has no schema: {response}");
            }
        }

        var instance = Resolve(document, operations.Single(o => o.Name == "get /runtime/webhooks/durabletask/instances/{instanceId}").Operation
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.True(instance.GetProperty("properties").TryGetProperty("instanceId", out _) && instance.GetProperty("properties").TryGetProperty("runtimeStatus", out _), instance.ToString());
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
