using System.Globalization;
using TestSupport;

namespace Deployments.Server.Tests.Seeds;

/// <summary>Baseten's promotion of a chain (or model) deployment to an environment, driven by its document's own curl samples.</summary>
public sealed class BasetenApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>The chain sample as Baseten's document prints it: JSON sent with <c>--data</c> and no content type, and a null deployment id.</summary>
    private const string ChainSample = """
        curl --request POST \
        --url https://api.baseten.co/v1/chains/{chain_id}/environments/{env_name}/promote \
        --header "Authorization: Api-Key $BASETEN_API_KEY" \
        --data '{
          "scale_down_previous_deployment": true,
          "deployment_id": null
        }'
        """;

    /// <summary>The model form's sample, from Baseten's "Promote to model environment" page.</summary>
    private const string ModelSample = """
        curl --request POST \
        --url https://api.baseten.co/v1/models/{model_id}/environments/{env_name}/promote \
        --header "Authorization: Api-Key $BASETEN_API_KEY" \
        --data '{
          "scale_down_previous_deployment": true,
          "deployment_id": null,
          "preserve_env_instance_type": true
        }'
        """;

    private const string NullDeployment = "\"deployment_id\": null";

    private static readonly string[] ChainDeploymentFields = ["chain_id", "chainlets", "created_at", "environment", "id", "status"];

    private static readonly string[] ChainletFields = ["active_replica_count", "autoscaling_settings", "id", "instance_type_name", "name", "status"];

    private static readonly string[] AutoscalingFields = ["autoscaling_window", "concurrency_target", "max_replica", "min_replica", "scale_down_delay", "target_utilization_percentage"];

    private static readonly string[] ModelDeploymentFields =
        ["active_replica_count", "autoscaling_settings", "created_at", "environment", "id", "instance_type_name", "is_development", "is_production", "model_id", "name", "status"];

    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task PromoteChain_AsTheSampleSendsIt_RefusesTheNullDeploymentId_AndWithARealOne_GoesLiveAndScalesDownThePrevious()
    {
        var (ns, cluster) = await NamespaceAsync("scaledown");
        var previous = await LiveInProductionAsync(ns, cluster, "previous");
        var chain = await server.CreateSampleAppAsync(cluster, "chain", instances: 1, @namespace: ns);
        var deployment = (await server.DeploySuccessfullyAsync(chain)).GetProperty("id").GetGuid();

        var refused = await CurlSample.Parse(ChainSample, Values(chain, "production")).SendAsync(server);
        refused.IsProblem(HttpStatusCode.BadRequest, "deployment_id");

        var response = await CurlSample.Parse(WithDeployment(ChainSample, deployment), Values(chain, "production")).SendAsync(server);

        var promoted = response.Expect(HttpStatusCode.OK);
        Assert.Equal(ChainDeploymentFields, promoted.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(deployment.ToString(), promoted.GetProperty("id").GetString());
        Assert.Equal(chain.ToString(), promoted.GetProperty("chain_id").GetString());
        Assert.True(DateTimeOffset.TryParse(promoted.GetProperty("created_at").GetString(), CultureInfo.InvariantCulture, out _));
        Assert.Equal("production", promoted.GetProperty("environment").GetString());
        Assert.Equal("ACTIVE", promoted.GetProperty("status").GetString());
        var chainlet = Assert.Single(promoted.GetProperty("chainlets").EnumerateArray());
        Assert.Equal(ChainletFields, chainlet.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("web", chainlet.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, chainlet.GetProperty("id").ValueKind);
        Assert.Equal("0.1x0.125", chainlet.GetProperty("instance_type_name").GetString());
        Assert.Equal(1, chainlet.GetProperty("active_replica_count").GetInt32());
        Assert.Equal("ACTIVE", chainlet.GetProperty("status").GetString());
        var autoscaling = chainlet.GetProperty("autoscaling_settings");
        Assert.Equal(AutoscalingFields, autoscaling.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal((1, 1, 1), (autoscaling.GetProperty("min_replica").GetInt32(), autoscaling.GetProperty("max_replica").GetInt32(), autoscaling.GetProperty("concurrency_target").GetInt32()));
        Assert.Equal(JsonValueKind.Null, autoscaling.GetProperty("autoscaling_window").ValueKind);

        Assert.Equal(deployment, await LiveInAsync(ns, "production"));
        await Polling.UntilAsync("the previous deployment to be scaled down", async _ =>
            (await server.Api.GetAsync($"/api/deployments/{previous}/allocations")).Expect(HttpStatusCode.OK).EnumerateArray()
                .All(a => a.GetProperty("desired_status").GetString() == "stopped") ? "stopped" : null, Scenario.DefaultTimeout);
        // The same use case as the API's own: the timeline names the actor the key stands for.
        var events = (await server.Api.GetAsync($"/api/deployments/{deployment}/events")).Expect(HttpStatusCode.OK);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("kind").GetString() == "promoted-to-environment" && e.GetProperty("actor").GetString() == "admin");
    }

    [Fact]
    public async Task PromoteChain_WithoutScaleDown_LeavesThePreviousDeploymentRunning()
    {
        var (ns, cluster) = await NamespaceAsync("keep");
        var previous = await LiveInProductionAsync(ns, cluster, "previous");
        var chain = await server.CreateSampleAppAsync(cluster, "chain", instances: 0, @namespace: ns);
        var deployment = (await server.DeploySuccessfullyAsync(chain)).GetProperty("id").GetGuid();
        var sample = WithDeployment(ChainSample, deployment).Replace("\"scale_down_previous_deployment\": true", "\"scale_down_previous_deployment\": false", StringComparison.Ordinal);

        (await CurlSample.Parse(sample, Values(chain, "production")).SendAsync(server)).Expect(HttpStatusCode.OK);

        Assert.Equal(deployment, await LiveInAsync(ns, "production"));
        var allocations = (await server.Api.GetAsync($"/api/deployments/{previous}/allocations")).Expect(HttpStatusCode.OK).EnumerateArray().ToList();
        Assert.NotEmpty(allocations);
        Assert.All(allocations, a => Assert.Equal("running", a.GetProperty("desired_status").GetString()));
    }

    [Fact]
    public async Task PromoteModel_AsItsSampleSendsIt_Answers200WithBasetensModelDeployment()
    {
        var (ns, cluster) = await NamespaceAsync("model");
        await CreateEnvironmentAsync(ns, cluster, "production");
        var model = await server.CreateSampleAppAsync(cluster, "model", instances: 0, @namespace: ns);
        var deployment = (await server.DeploySuccessfullyAsync(model)).GetProperty("id").GetGuid();

        (await CurlSample.Parse(ModelSample, ModelValues(model, "production")).SendAsync(server)).IsProblem(HttpStatusCode.BadRequest, "deployment_id");
        var response = await CurlSample.Parse(WithDeployment(ModelSample, deployment), ModelValues(model, "production")).SendAsync(server);

        var promoted = response.Expect(HttpStatusCode.OK);
        Assert.Equal(ModelDeploymentFields, promoted.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(deployment.ToString(), promoted.GetProperty("id").GetString());
        Assert.Equal(model.ToString(), promoted.GetProperty("model_id").GetString());
        Assert.Equal("model-r1", promoted.GetProperty("name").GetString());
        Assert.True(promoted.GetProperty("is_production").GetBoolean());
        Assert.False(promoted.GetProperty("is_development").GetBoolean());
        Assert.Equal("ACTIVE", promoted.GetProperty("status").GetString());
        Assert.Equal(0, promoted.GetProperty("active_replica_count").GetInt32());
        Assert.Equal(JsonValueKind.Object, promoted.GetProperty("autoscaling_settings").ValueKind);
        Assert.Equal("0.1x0.125", promoted.GetProperty("instance_type_name").GetString());
        Assert.Equal("production", promoted.GetProperty("environment").GetString());
        Assert.Equal(deployment, await LiveInAsync(ns, "production"));
    }

    [Fact]
    public async Task PromoteChain_ToAnEnvironmentThatRequiresApproval_Answers200Updating_AndGoesLiveOnceApprovedWithOurApi()
    {
        var (ns, cluster) = await NamespaceAsync("gated");
        (await server.Api.PostAsync($"/api/environments?namespace={ns}", new { name = "gated", cluster_id = cluster, requires_approval = true })).Expect(HttpStatusCode.Created);
        var chain = await server.CreateSampleAppAsync(cluster, "chain", instances: 0, @namespace: ns);
        var deployment = (await server.DeploySuccessfullyAsync(chain)).GetProperty("id").GetGuid();

        var waiting = (await CurlSample.Parse(WithDeployment(ChainSample, deployment), Values(chain, "gated")).SendAsync(server)).Expect(HttpStatusCode.OK);

        Assert.Equal("UPDATING", waiting.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("environment").ValueKind);
        Assert.Null(await LiveInAsync(ns, "gated"));
        (await server.Api.PostAsync($"/api/deployments/{deployment}/approve", new { reason = "looks good" })).Expect(HttpStatusCode.OK);
        await Polling.UntilAsync("the approved deployment to be live in gated", async _ => await LiveInAsync(ns, "gated") == deployment ? "live" : null, Scenario.DefaultTimeout);
    }

    [Fact]
    public async Task PromoteChain_Refusals_NameWhatIsWrong_AndPromoteNothing()
    {
        var (ns, cluster) = await NamespaceAsync("refused");
        await CreateEnvironmentAsync(ns, cluster, "production");
        var chain = await server.CreateSampleAppAsync(cluster, "chain", instances: 0, @namespace: ns);
        var other = await server.CreateSampleAppAsync(cluster, "other", instances: 0, @namespace: ns);
        var deployment = (await server.DeploySuccessfullyAsync(chain)).GetProperty("id").GetGuid();
        var othersDeployment = (await server.DeploySuccessfullyAsync(other)).GetProperty("id").GetGuid();

        (await Send(chain, "production", Guid.NewGuid().ToString())).IsProblem(HttpStatusCode.NotFound);
        (await Send(chain, "production", "not-a-baseten-id")).IsProblem(HttpStatusCode.NotFound);
        (await Send(Guid.NewGuid(), "production", deployment.ToString())).IsProblem(HttpStatusCode.NotFound);
        (await CurlSample.Parse(WithDeployment(ChainSample, deployment), new Dictionary<string, string> { ["chain_id"] = "abc123", ["env_name"] = "production", ["BASETEN_API_KEY"] = server.AdminKey })
            .SendAsync(server)).IsProblem(HttpStatusCode.NotFound);
        (await Send(chain, "nowhere", deployment.ToString())).IsProblem(HttpStatusCode.NotFound);
        (await Send(chain, "production", othersDeployment.ToString())).IsProblem(HttpStatusCode.UnprocessableEntity, "deployment_id");
        var anonymous = await CurlSample.Parse(WithDeployment(ChainSample, deployment).Replace("--header \"Authorization: Api-Key $BASETEN_API_KEY\" \\\n", string.Empty, StringComparison.Ordinal),
            Values(chain, "production")).SendAsync(server);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);

        // A caller confined to another namespace learns nothing, not even that its body lacks a deployment id.
        var token = (await server.Api.PostAsync("/api/tokens", new { name = $"{ns}-outsider", @namespace = $"{ns}x", capabilities = new[] { "submit" } }))
            .Expect(HttpStatusCode.Created).GetProperty("token").GetString()!;
        (await CurlSample.Parse(ChainSample, Values(chain, "production", token)).SendAsync(server)).IsProblem(HttpStatusCode.Forbidden);
        (await CurlSample.Parse(WithDeployment(ChainSample, deployment), Values(chain, "production", token)).SendAsync(server)).IsProblem(HttpStatusCode.Forbidden);
        var reader = (await server.Api.PostAsync("/api/tokens", new { name = $"{ns}-reader", @namespace = ns, capabilities = new[] { "read" } }))
            .Expect(HttpStatusCode.Created).GetProperty("token").GetString()!;
        (await CurlSample.Parse(WithDeployment(ChainSample, deployment), Values(chain, "production", reader)).SendAsync(server)).IsProblem(HttpStatusCode.Forbidden);

        // Only a rollout that has ended well can go live.
        var canary = await server.CreateSampleAppAsync(cluster, "canary", instances: 1, @namespace: ns);
        var running = (await server.DeployAsync(canary, Scenario.FastOptions(new { instance_weight = 50 }, new { instance_weight = 100 }), strategy: "canary")).GetProperty("id").GetGuid();
        (await Send(canary, "production", running.ToString())).IsProblem(HttpStatusCode.Conflict);
        (await server.Api.PostAsync($"/api/deployments/{running}/cancel")).Expect(HttpStatusCode.OK);
        await server.WaitForStatusAsync(running, "cancelled", "failed", "successful");

        Assert.Null(await LiveInAsync(ns, "production"));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesOnlyBasetensOperations_InItsNames()
    {
        var document = (await server.Api.GetAsync("/api/openapi/baseten.json")).Expect(HttpStatusCode.OK);

        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(["/v1/chains/{chain_id}/environments/{env_name}/promote", "/v1/models/{model_id}/environments/{env_name}/promote"], paths.Keys.Order());
        var chain = paths["/v1/chains/{chain_id}/environments/{env_name}/promote"].GetProperty("post");
        Assert.Equal(["Idempotency-Key", "chain_id", "env_name"], chain.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var model = paths["/v1/models/{model_id}/environments/{env_name}/promote"].GetProperty("post");
        Assert.Equal(["Idempotency-Key", "env_name", "model_id"], model.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("#/components/schemas/PromoteToChainEnvironmentRequestV1", chain.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["deployment_id", "scale_down_previous_deployment"], Properties(schemas, "PromoteToChainEnvironmentRequestV1"));
        Assert.Equal(["deployment_id", "preserve_env_instance_type", "scale_down_previous_deployment"], Properties(schemas, "PromoteToEnvironmentRequestV1"));
        Assert.All(new[] { "PromoteToChainEnvironmentRequestV1", "PromoteToEnvironmentRequestV1" }, name =>
        {
            Assert.Equal(["deployment_id"], schemas.GetProperty(name).GetProperty("required").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal("string", schemas.GetProperty(name).GetProperty("properties").GetProperty("deployment_id").GetProperty("type").GetString());
        });
        Assert.Equal(ChainDeploymentFields, Properties(schemas, "ChainDeploymentV1"));
        Assert.Equal(ChainletFields, Properties(schemas, "ChainletV1"));
        Assert.Equal(AutoscalingFields, Properties(schemas, "AutoscalingSettingsV1"));
        Assert.Equal(ModelDeploymentFields, Properties(schemas, "DeploymentV1"));
        Assert.Contains("DEPLOY_FAILED", schemas.GetProperty("DeploymentStatusV1").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKeyAuth");
        Assert.Equal(("apiKey", "header", "Authorization"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        var own = (await server.Api.GetAsync("/api/openapi/v1.json")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(own.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/v1/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Properties(JsonElement schemas, string schema) =>
        schemas.GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();

    private Task<ApiResponse> Send(Guid chain, string environment, string deploymentId) =>
        CurlSample.Parse(ChainSample.Replace(NullDeployment, $"\"deployment_id\": \"{deploymentId}\"", StringComparison.Ordinal), Values(chain, environment)).SendAsync(server);

    private static string WithDeployment(string sample, Guid deployment) =>
        sample.Replace(NullDeployment, $"\"deployment_id\": \"{deployment}\"", StringComparison.Ordinal);

    private Dictionary<string, string> Values(Guid chain, string environment, string? key = null) =>
        new() { ["chain_id"] = chain.ToString(), ["env_name"] = environment, ["BASETEN_API_KEY"] = key ?? server.AdminKey };

    private Dictionary<string, string> ModelValues(Guid model, string environment) =>
        new() { ["model_id"] = model.ToString(), ["env_name"] = environment, ["BASETEN_API_KEY"] = server.AdminKey };

    /// <summary>A namespace of the test's own, so its environments are no other test's, and a cluster to run on.</summary>
    private async Task<(string Namespace, Guid Cluster)> NamespaceAsync(string name)
    {
        var ns = $"bt-{name}-{Guid.NewGuid():N}"[..24];
        return (ns, await server.CreateLocalClusterAsync(ns));
    }

    private async Task CreateEnvironmentAsync(string ns, Guid cluster, string name) =>
        (await server.Api.PostAsync($"/api/environments?namespace={ns}", new { name, cluster_id = cluster })).Expect(HttpStatusCode.Created);

    /// <summary>Another app's running deployment, live in a new "production" environment: what a promotion there replaces.</summary>
    private async Task<Guid> LiveInProductionAsync(string ns, Guid cluster, string name)
    {
        await CreateEnvironmentAsync(ns, cluster, "production");
        var app = await server.CreateSampleAppAsync(cluster, name, instances: 1, @namespace: ns);
        var deployment = (await server.DeploySuccessfullyAsync(app)).GetProperty("id").GetGuid();
        (await server.Api.PostAsync($"/api/environments/production/promote?namespace={ns}", new { deployment_id = deployment })).Expect(HttpStatusCode.OK);
        return deployment;
    }

    private async Task<Guid?> LiveInAsync(string ns, string environment) =>
        (await server.Api.GetAsync($"/api/environments/{environment}?namespace={ns}")).Expect(HttpStatusCode.OK).TryGetProperty("live_deployment_id", out var live) ? live.GetGuid() : null;
}
