using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using TestSupport;

namespace Deployments.Server.Tests.Seeds;

/// <summary>Mengi's promotion to another cluster, driven by its document's own curl sample with the ids filled in and a key added.</summary>
public sealed class MengiApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>The sample as the document prints it (its line breaks flattened to spaces); its one example uuid stands for the deployment, then the target cluster.</summary>
    private const string PromoteSample = """
        curl --request POST \ --url https://api.mengi.cloud/deployments/2489E9AD-2EE2-8E00-8EC9-32D5F69181C0/promote \ --header 'Content-Type: application/json' \ --data '{ "target_cluster_id": "2489E9AD-2EE2-8E00-8EC9-32D5F69181C0", "new_name": "example", "delete_source": false, "overrides": { "name": "example", "config": {}, "cpu_request": 1, "memory_request_mb": 1, "replicas": 1, "container_port": 1, "storage_size_gb": 1, "environment_variables": [ { "name": "example", "value": "example", "secret_ref": "example" } ], "docker_image": "example", "volumes": [ { "path": "example", "sizeGb": 10, "purpose": "example" } ], "helm_chart_version": "example", "custom_values_yaml": "example", "image_update_strategy": "example", "image_update_constraint": "example", "image_allow_tags": "example", "image_ignore_tags": "example" } }'
        """;

    private const string ExampleId = "2489E9AD-2EE2-8E00-8EC9-32D5F69181C0";

    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Promote_AsTheSampleSendsIt_Answers200WithTheFiveDocumentedFields_AndTheNewAppOnTheTargetClusterKeepsEveryField()
    {
        var (source, target) = await DeployedSourceAsync("sample");

        var response = await CurlSample.Parse(FillIds(WithKey(PromoteSample), source, target), new Dictionary<string, string> { ["token"] = server.AdminKey }).SendAsync(server);

        var answer = response.Expect(HttpStatusCode.OK);
        Assert.Equal(["message", "new_deployment_id", "source_deleted", "source_deployment_id", "target_cluster_id"], answer.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(source, answer.GetProperty("source_deployment_id").GetGuid());
        Assert.Equal(target, answer.GetProperty("target_cluster_id").GetGuid());
        Assert.Equal(JsonValueKind.False, answer.GetProperty("source_deleted").ValueKind);
        Assert.Equal(JsonValueKind.String, answer.GetProperty("message").ValueKind);
        Assert.Contains("mengi.helm_chart_version", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("value set aside: example", answer.GetProperty("message").GetString(), StringComparison.Ordinal);

        var created = (await server.Api.GetAsync($"/api/deployments/{answer.GetProperty("new_deployment_id").GetGuid()}")).Expect(HttpStatusCode.OK);
        var app = (await server.Api.GetAsync($"/api/apps/{created.GetProperty("app_id").GetGuid()}")).Expect(HttpStatusCode.OK);
        Assert.Equal("example", app.GetProperty("name").GetString());
        Assert.Equal(target, app.GetProperty("cluster_id").GetGuid());
        Assert.Equal(1, app.GetProperty("groups").GetProperty("web").GetInt32());
        var annotations = app.GetProperty("annotations");
        foreach (var field in new[] { "helm_chart_version", "custom_values_yaml", "image_update_strategy", "image_update_constraint", "image_allow_tags", "image_ignore_tags" })
        {
            Assert.Equal("example", annotations.GetProperty($"mengi.{field}").GetString());
        }

        Assert.Equal("""[{"path":"example","sizeGb":10,"purpose":"example"}]""", annotations.GetProperty("mengi.volumes").GetString());
        var revision = (await server.Api.GetAsync($"/api/apps/{app.GetProperty("id").GetGuid()}/revisions/1")).Expect(HttpStatusCode.OK);
        Assert.Equal("example", revision.GetProperty("artifact").GetProperty("image").GetString());
        Assert.Equal("example", revision.GetProperty("environment").GetProperty("example").GetProperty("secret_ref").GetString());
        var resources = revision.GetProperty("resources");
        Assert.Equal(["example"], resources.GetProperty("volumes").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(1, resources.GetProperty("port").GetInt32());
        Assert.Equal(1024, resources.GetProperty("storage_mb").GetInt32());
        Assert.Equal(1, resources.GetProperty("memory_mb").GetInt32());
        // The new app's name is taken now: the same request again is a conflict, said as FastAPI says any error.
        var again = await CurlSample.Parse(FillIds(WithKey(PromoteSample), source, target), new Dictionary<string, string> { ["token"] = server.AdminKey }).SendAsync(server);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("example", again.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The same use case as the API's own: the timeline names the actor the key stands for.
        var events = (await server.Api.GetAsync($"/api/deployments/{created.GetProperty("id").GetGuid()}/events")).Expect(HttpStatusCode.OK);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("actor").GetString() == "admin");
    }

    [Fact]
    public async Task Promote_WithRunnableOverridesAndDeleteSource_RunsOnTheTargetCluster_AndRetiresTheSourceApp()
    {
        var (source, target) = await DeployedSourceAsync("retire");
        var sourceApp = (await server.Api.GetAsync($"/api/deployments/{source}")).Expect(HttpStatusCode.OK).GetProperty("app_id").GetGuid();

        var response = await PostAsync($"/deployments/{source}/promote", $$$"""
            {"target_cluster_id": "{{{target}}}", "new_name": "retire-moved", "delete_source": true,
             "overrides": {"replicas": 2, "environment_variables": [{"name": "VERSION", "value": "v-moved"}], "helm_chart_version": "1.2.3"}}
            """);

        var answer = response.Expect(HttpStatusCode.OK);
        Assert.True(answer.GetProperty("source_deleted").GetBoolean());
        var done = await server.WaitForStatusAsync(answer.GetProperty("new_deployment_id").GetGuid(), "successful", "failed", "cancelled");
        Assert.Equal("successful", done.GetProperty("status").GetString());
        Assert.Equal(2, done.GetProperty("groups").GetProperty("web").GetProperty("healthy").GetInt32());
        var app = (await server.Api.GetAsync($"/api/apps/{done.GetProperty("app_id").GetGuid()}")).Expect(HttpStatusCode.OK);
        Assert.Equal("retire-moved", app.GetProperty("name").GetString());
        Assert.Equal("1.2.3", app.GetProperty("annotations").GetProperty("mengi.helm_chart_version").GetString());
        await Polling.UntilAsync("the source app retired", async _ => await server.Api.GetAsync($"/api/apps/{sourceApp}"), r => r.Status == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Promote_WithInvalidInput_Answers422InFastApisShape_NamingWhereAndWhatInPydanticsWords()
    {
        var (source, target) = await DeployedSourceAsync("invalid", @namespace: "mengi-invalid");
        var path = $"/deployments/{source}/promote";

        Detail(await PostAsync(path, """{"new_name": "x"}"""), "missing", "Field required", "body", "target_cluster_id");
        Assert.StartsWith("Input should be a valid UUID, invalid character", Detail(await PostAsync("/deployments/not-a-uuid/promote", $$"""{"target_cluster_id": "{{target}}"}"""),
            "uuid_parsing", null, "path", "deployment_id"), StringComparison.Ordinal);
        Assert.Equal("Input should be a valid UUID, invalid length: expected length 32 for simple format, found 3",
            Detail(await PostAsync(path, """{"target_cluster_id": "abc"}"""), "uuid_parsing", null, "body", "target_cluster_id"));
        Detail(await PostAsync(path, $$"""{"target_cluster_id": "{{target}}", "delete_source": "maybe"}"""), "bool_parsing", "Input should be a valid boolean", "body", "delete_source");
        Detail(await PostAsync(path, $$$"""{"target_cluster_id": "{{{target}}}", "overrides": {"replicas": "two"}}"""), "int_parsing", "Input should be a valid integer", "body", "overrides", "replicas");
        Detail(await PostAsync(path, $$$"""{"target_cluster_id": "{{{target}}}", "overrides": {"config": []}}"""), "dict_type", "Input should be a valid dictionary", "body", "overrides", "config");
        Detail(await PostAsync(path, $$$"""{"target_cluster_id": "{{{target}}}", "overrides": {"environment_variables": [{"value": "1"}]}}"""),
            "missing", "Field required", "body", "overrides", "environment_variables", 0, "name");
        Detail(await PostAsync(path, $$"""{"target_cluster_id": "{{target}}", "overrides": "small"}"""),
            "model_attributes_type", "Input should be a valid dictionary or object to extract fields from", "body", "overrides");
        // The domain checks the revision in this API's names (resources.port); the client reads the field it sent.
        Detail(await PostAsync(path, $$$"""{"target_cluster_id": "{{{target}}}", "overrides": {"container_port": 70000}}"""), "value_error", null, "body", "overrides", "container_port");
        Detail(await PostAsync(path, $$$"""{"target_cluster_id": "{{{target}}}", "overrides": {"cpu_request": -1}}"""), "value_error", "Value error, must not be negative", "body", "overrides", "cpu_request");
        Detail(await PostAsync(path, """{"target_cluster_id": }"""), "json_invalid", "JSON decode error", "body", 22);
        Detail(await PostAsync(path, $$"""{"target_cluster_id": "{{Guid.NewGuid()}}"}"""), "value_error", null, "body", "target_cluster_id");

        await AssertOnlyTheSourceDeploymentAsync("mengi-invalid");
    }

    [Fact]
    public async Task Promote_OfAnUnknownDeployment_Is404_WithoutAKey401_BothAsFastApisDetail()
    {
        var target = await server.CreateLocalClusterAsync("mengi-unknown-target");
        var body = $$"""{"target_cluster_id": "{{target}}"}""";

        var unknown = await PostAsync($"/deployments/{Guid.NewGuid()}/promote", body);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("""{"detail":"Deployment not found"}""", unknown.Body);

        var anonymous = await PostAsync($"/deployments/{Guid.NewGuid()}/promote", body, key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal("application/json", anonymous.ContentType);
        Assert.Equal("""{"detail":"Not authenticated"}""", anonymous.Body);
    }

    [Fact]
    public async Task Promote_WithATokenOfAnotherNamespace_Is403BeforeTheBodyIsRead_AsIsAReadOnlyToken_AndStartsNothing()
    {
        var (source, target) = await DeployedSourceAsync("scoped", @namespace: "mengi-theirs");
        var token = (await server.Api.PostAsync("/api/tokens", new { name = "mengi-mine", @namespace = "mengi-mine", capabilities = new[] { "submit" } }))
            .Expect(HttpStatusCode.Created).GetProperty("token").GetString()!;

        foreach (var body in new[] { $$"""{"target_cluster_id": "{{target}}"}""", """{"delete_source": "maybe"}""" })
        {
            var refused = await PostAsync($"/deployments/{source}/promote", body, token);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Equal(JsonValueKind.String, refused.Json.GetProperty("detail").ValueKind);
        }

        // A promotion is a command: a token of the right namespace that may only read is refused too.
        var reader = (await server.Api.PostAsync("/api/tokens", new { name = "mengi-reader", @namespace = "mengi-theirs", capabilities = new[] { "read" } }))
            .Expect(HttpStatusCode.Created).GetProperty("token").GetString()!;
        var readOnly = await PostAsync($"/deployments/{source}/promote", $$"""{"target_cluster_id": "{{target}}"}""", reader);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.Status);
        Assert.Equal(JsonValueKind.String, readOnly.Json.GetProperty("detail").ValueKind);

        await AssertOnlyTheSourceDeploymentAsync("mengi-theirs");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesOnlyMengisOperation_InItsNames_With422AsHttpValidationError()
    {
        var document = (await server.Api.GetAsync("/api/openapi/mengi.json")).Expect(HttpStatusCode.OK);

        var path = Assert.Single(document.GetProperty("paths").EnumerateObject());
        Assert.Equal("/deployments/{deployment_id}/promote", path.Name);
        var operation = path.Value.GetProperty("post");
        Assert.Equal("MengiPromoteDeployment", operation.GetProperty("operationId").GetString());
        var parameter = Assert.Single(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("in").GetString() == "path");
        Assert.Equal("deployment_id", parameter.GetProperty("name").GetString());
        Assert.Equal("uuid", parameter.GetProperty("schema").GetProperty("format").GetString());
        Assert.EndsWith("/HTTPValidationError", operation.GetProperty("responses").GetProperty("422").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["delete_source", "new_name", "overrides", "target_cluster_id"], Properties(schemas, "DeploymentPromotionRequest"));
        Assert.Equal(["config", "container_port", "cpu_request", "custom_values_yaml", "docker_image", "environment_variables", "helm_chart_version", "image_allow_tags",
            "image_ignore_tags", "image_update_constraint", "image_update_strategy", "memory_request_mb", "name", "replicas", "storage_size_gb", "volumes"], Properties(schemas, "DeploymentUpdate"));
        Assert.Equal(["path", "purpose", "sizeGb"], Properties(schemas, "VolumeConfig"));
        Assert.Equal(["name", "secret_ref", "value"], Properties(schemas, "EnvironmentVariable"));
        Assert.Equal(["message", "new_deployment_id", "source_deleted", "source_deployment_id", "target_cluster_id"], Properties(schemas, "DeploymentPromotionResponse"));
        Assert.Equal(["detail"], Properties(schemas, "HTTPValidationError"));
        Assert.Equal(["loc", "msg", "type"], Properties(schemas, "ValidationError"));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        var own = (await server.Api.GetAsync("/api/openapi/v1.json")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(own.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/deployments/", StringComparison.Ordinal));
    }

    /// <summary>Asserts a 422 in FastAPI's shape whose one error is at <paramref name="loc"/> with pydantic's <paramref name="type"/> (and <paramref name="msg"/> when given); returns its msg.</summary>
    private static string Detail(ApiResponse response, string type, string? msg, params object[] loc)
    {
        Assert.True(response.Status == HttpStatusCode.UnprocessableEntity, response.ToString());
        Assert.Equal("application/json", response.ContentType);
        var error = Assert.Single(response.Json.GetProperty("detail").EnumerateArray());
        Assert.Equal(["loc", "msg", "type"], error.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(loc.Select(step => step.ToString()), error.GetProperty("loc").EnumerateArray().Select(step => step.ValueKind == JsonValueKind.Number ? step.GetInt32().ToString(CultureInfo.InvariantCulture) : step.GetString()));
        Assert.Equal(loc.Select(step => step is int ? JsonValueKind.Number : JsonValueKind.String), error.GetProperty("loc").EnumerateArray().Select(step => step.ValueKind));
        Assert.Equal(type, error.GetProperty("type").GetString());
        var text = error.GetProperty("msg").GetString()!;
        if (msg is not null)
        {
            Assert.Equal(msg, text);
        }

        return text;
    }

    private async Task AssertOnlyTheSourceDeploymentAsync(string @namespace)
    {
        var deployments = (await server.Api.GetAsync($"/api/deployments?namespace={@namespace}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, deployments.GetProperty("deployments").GetArrayLength());
    }

    private static IEnumerable<string> Properties(JsonElement schemas, string schema) =>
        schemas.GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();

    private Task<ApiResponse> PostAsync(string path, string body) => PostAsync(path, body, server.AdminKey);

    private async Task<ApiResponse> PostAsync(string path, string body, string? key)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), response.Headers);
    }

    /// <summary>Mengi's document shows no key; this API needs one, sent as a bearer token ahead of the sample's own header.</summary>
    private static string WithKey(string sample) =>
        sample.Replace("--header 'Content-Type: application/json'", "--header 'Authorization: Bearer <token>' \\ --header 'Content-Type: application/json'", StringComparison.Ordinal);

    /// <summary>The document's example uuid in the order it appears: the deployment in the path, then the target cluster.</summary>
    private static string FillIds(string sample, Guid deployment, Guid cluster)
    {
        var first = sample.IndexOf(ExampleId, StringComparison.Ordinal);
        var filled = sample[..first] + deployment.ToString().ToUpperInvariant() + sample[(first + ExampleId.Length)..];
        return filled.Replace(ExampleId, cluster.ToString().ToUpperInvariant(), StringComparison.Ordinal);
    }

    private async Task<(Guid Deployment, Guid TargetCluster)> DeployedSourceAsync(string name, string @namespace = "default")
    {
        var home = await server.CreateLocalClusterAsync($"mengi-{name}-home");
        var target = await server.CreateLocalClusterAsync($"mengi-{name}-target");
        var app = await server.CreateSampleAppAsync(home, $"{name}-source", instances: 1, @namespace: @namespace);
        var deployment = (await server.DeploySuccessfullyAsync(app)).GetProperty("id").GetGuid();
        return (deployment, target);
    }
}
