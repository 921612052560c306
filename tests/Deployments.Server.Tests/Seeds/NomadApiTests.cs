using System.Diagnostics;
using System.Globalization;

namespace Deployments.Server.Tests.Seeds;

/// <summary>
/// Nomad's Deployments HTTP API, driven by the curl samples of Nomad's documentation (with the
/// <c>X-Nomad-Token</c> header its ACL guide adds, and the example ids replaced by real ones) against real rollouts.
/// </summary>
public sealed class NomadApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string ListSample = """
        curl \
            --header "X-Nomad-Token: <token>" \
            https://localhost:4646/v1/deployments
        """;

    private const string PrefixSample = """
        curl \
            --header "X-Nomad-Token: <token>" \
            https://localhost:4646/v1/deployments?prefix=25ba81
        """;

    private const string ReadSample = """
        curl \
            --header "X-Nomad-Token: <token>" \
            https://localhost:4646/v1/deployment/70638f62-5c19-193e-30d6-f9d6e689ab8e
        """;

    private const string AllocationsSample = """
        curl \
            --header "X-Nomad-Token: <token>" \
            https://localhost:4646/v1/deployment/allocations/5456bd7a-9fc0-c0dd-6131-cbee77f57577
        """;

    private const string FailSample = """
        curl \
            --header "X-Nomad-Token: <token>" \
            --request POST \
            https://localhost:4646/v1/deployment/fail/5456bd7a-9fc0-c0dd-6131-cbee77f57577
        """;

    private const string PauseSample = """
        curl \
            --header "X-Nomad-Token: <token>" \
            --request POST \
            --data @payload.json \
            https://localhost:4646/v1/deployment/pause/5456bd7a-9fc0-c0dd-6131-cbee77f57577
        """;

    private const string PromoteSample = """
        curl \
            --header "X-Nomad-Token: <token>" \
            --request POST \
            --data @payload.json \
            https://localhost:4646/v1/deployment/promote/5456bd7a-9fc0-c0dd-6131-cbee77f57577
        """;

    private const string AllocationHealthSample = """
        curl \
            --header "X-Nomad-Token: <token>" \
            --request POST \
            --data @payload.json \
            https://localhost:4646/v1/deployment/allocation-health/5456bd7a-9fc0-c0dd-6131-cbee77f57577
        """;

    private const string PausePayload = """
        {
          "DeploymentID": "5456bd7a-9fc0-c0dd-6131-cbee77f57577",
          "Pause": true
        }
        """;

    private const string PromoteAllPayload = """
        {
          "DeploymentID": "5456bd7a-9fc0-c0dd-6131-cbee77f57577",
          "All": true
        }
        """;

    private const string PromoteGroupsPayload = """
        {
          "DeploymentID": "5456bd7a-9fc0-c0dd-6131-cbee77f57577",
          "Groups": ["web"]
        }
        """;

    /// <summary>The document's payload, whose second example allocation is left out: the deployment placed one.</summary>
    private const string AllocationHealthPayload = """
        {
          "DeploymentID": "5456bd7a-9fc0-c0dd-6131-cbee77f57577",
          "HealthyAllocationIDs": [
            "eb13bc8a-7300-56f3-14c0-d4ad115ec3f5"
          ]
        }
        """;

    private const string ReadExampleId = "70638f62-5c19-193e-30d6-f9d6e689ab8e";
    private const string ExampleId = "5456bd7a-9fc0-c0dd-6131-cbee77f57577";
    private const string ExampleAllocationId = "eb13bc8a-7300-56f3-14c0-d4ad115ec3f5";
    private const string RequiresPromotion = "Deployment is running but requires manual promotion";

    private static readonly string[] DeploymentFields =
        ["ID", "Namespace", "JobID", "JobVersion", "JobModifyIndex", "JobSpecModifyIndex", "JobCreateIndex", "IsMultiregion", "TaskGroups", "Status", "StatusDescription", "CreateIndex", "ModifyIndex"];

    private static readonly string[] TaskGroupFields =
        ["AutoRevert", "AutoPromote", "ProgressDeadline", "RequireProgressBy", "Promoted", "PlacedCanaries", "DesiredCanaries", "DesiredTotal", "PlacedAllocs", "HealthyAllocs", "UnhealthyAllocs"];

    private static readonly string[] AllocationFields =
        ["ID", "EvalID", "Name", "Namespace", "NodeID", "NodeName", "JobID", "JobVersion", "TaskGroup", "DesiredStatus", "DesiredDescription", "ClientStatus",
            "ClientDescription", "DeploymentStatus", "CreateIndex", "ModifyIndex", "CreateTime", "ModifyTime"];

    private static readonly string[] UpdateFields = ["EvalID", "EvalCreateIndex", "DeploymentModifyIndex", "Index"];

    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task ListReadAndAllocations_AsTheSamplesSendThem_AnswerNomadsShapesWithItsQueryMeta()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("nomad-reads"), "nomad-reads", instances: 1);
        var id = (await server.DeploySuccessfullyAsync(app)).GetProperty("id").GetGuid();

        var list = await SendAsync(ListSample);
        AssertQueryMeta(list);
        var listed = Assert.Single(list.Expect(HttpStatusCode.OK).EnumerateArray(), d => d.GetProperty("ID").GetGuid() == id);
        AssertDeploymentShape(listed);
        Assert.Equal("nomad-reads", listed.GetProperty("JobID").GetString());
        Assert.Equal("default", listed.GetProperty("Namespace").GetString());
        Assert.Equal("successful", listed.GetProperty("Status").GetString());
        Assert.Equal("Deployment completed successfully", listed.GetProperty("StatusDescription").GetString());
        var web = listed.GetProperty("TaskGroups").GetProperty("web");
        Assert.Equal((1, 1, 1, 0), (web.GetProperty("DesiredTotal").GetInt32(), web.GetProperty("PlacedAllocs").GetInt32(), web.GetProperty("HealthyAllocs").GetInt32(), web.GetProperty("UnhealthyAllocs").GetInt32()));
        Assert.Equal(60L * 1_000_000_000, web.GetProperty("ProgressDeadline").GetInt64());
        Assert.Equal("0001-01-01T00:00:00Z", web.GetProperty("RequireProgressBy").GetString());

        var prefix = id.ToString("N")[..6];
        var byPrefix = (await SendAsync(PrefixSample.Replace("25ba81", prefix, StringComparison.Ordinal))).Expect(HttpStatusCode.OK).EnumerateArray().ToList();
        Assert.Contains(byPrefix, d => d.GetProperty("ID").GetGuid() == id);
        Assert.All(byPrefix, d => Assert.StartsWith(prefix, d.GetProperty("ID").GetString(), StringComparison.Ordinal));

        var read = await SendAsync(ReadSample.Replace(ReadExampleId, id.ToString(), StringComparison.Ordinal));
        AssertQueryMeta(read);
        var deployment = read.Expect(HttpStatusCode.OK);
        AssertDeploymentShape(deployment);
        Assert.Equal(deployment.GetProperty("ModifyIndex").GetInt64(), long.Parse(read.Header("X-Nomad-Index")!, CultureInfo.InvariantCulture));
        Assert.Equal(1, deployment.GetProperty("JobVersion").GetInt32());

        var allocations = await SendAsync(Filled(AllocationsSample, id));
        AssertQueryMeta(allocations);
        var allocation = Assert.Single(allocations.Expect(HttpStatusCode.OK).EnumerateArray());
        Assert.Equal(AllocationFields.Order(StringComparer.Ordinal), allocation.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("nomad-reads.web[0]", allocation.GetProperty("Name").GetString());
        Assert.Equal(("nomad-reads", "web", "run", "running"), (allocation.GetProperty("JobID").GetString(), allocation.GetProperty("TaskGroup").GetString(),
            allocation.GetProperty("DesiredStatus").GetString(), allocation.GetProperty("ClientStatus").GetString()));
        Assert.Equal("nomad-reads", allocation.GetProperty("NodeName").GetString());
        allocation.GetProperty("EvalID").GetGuid();
        allocation.GetProperty("NodeID").GetGuid();
        var status = allocation.GetProperty("DeploymentStatus");
        Assert.True(status.GetProperty("Healthy").GetBoolean());
        Assert.False(status.GetProperty("Canary").GetBoolean());
        status.GetProperty("Timestamp").GetDateTimeOffset();
        var created = DateTimeOffset.UnixEpoch.AddTicks(allocation.GetProperty("CreateTime").GetInt64() / 100);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow);
        Assert.True(allocation.GetProperty("ModifyTime").GetInt64() >= allocation.GetProperty("CreateTime").GetInt64());
        Assert.Equal(allocation.GetProperty("ModifyIndex").GetInt64(), long.Parse(allocations.Header("X-Nomad-Index")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Refusals_ArePlainTextWithNomadsStatusCodes()
    {
        AssertText(await SendAsync(PrefixSample.Replace("25ba81", "25ba8", StringComparison.Ordinal)), HttpStatusCode.BadRequest, "prefix");
        AssertText(await SendAsync(ReadSample.Replace(ReadExampleId, Guid.NewGuid().ToString(), StringComparison.Ordinal)), HttpStatusCode.NotFound, "deployment not found");
        AssertText(await SendAsync(ReadSample.Replace(ReadExampleId, "70638f62", StringComparison.Ordinal)), HttpStatusCode.BadRequest, "deployment_id");
        AssertText(await SendAsync(Filled(AllocationsSample, Guid.NewGuid())), HttpStatusCode.NotFound, "deployment not found");
        AssertText(await SendAsync(Filled(FailSample, Guid.NewGuid())), HttpStatusCode.NotFound, "deployment not found");
        AssertText(await SendAsync(ReadSample + "?index=1&wait=soon"), HttpStatusCode.BadRequest, "wait");
        // Nomad's ACL refuses a missing or unknown token as it refuses one without the capability.
        var anonymous = await CurlSample.Parse(ListSample.Replace("--header \"X-Nomad-Token: <token>\" \\", string.Empty, StringComparison.Ordinal)).SendAsync(server);
        AssertText(anonymous, HttpStatusCode.Forbidden, "Permission denied");
        Assert.False(anonymous.Headers.Contains("WWW-Authenticate"));
        AssertText(await CurlSample.Parse(ListSample, new Dictionary<string, string> { ["token"] = "not-a-key" }).SendAsync(server), HttpStatusCode.Forbidden, "Permission denied");
    }

    [Fact]
    public async Task Canary_PausedResumedAndPromotedAll_WithABlockingReadThatReturnsAtTheChange()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("nomad-canary"), "nomad-canary", instances: 1);
        var id = await StartWaitingCanaryAsync(app);

        var read = await SendAsync(ReadSample.Replace(ReadExampleId, id.ToString(), StringComparison.Ordinal));
        var waiting = read.Expect(HttpStatusCode.OK);
        Assert.Equal("running", waiting.GetProperty("Status").GetString());
        Assert.StartsWith(RequiresPromotion, waiting.GetProperty("StatusDescription").GetString(), StringComparison.Ordinal);
        var web = waiting.GetProperty("TaskGroups").GetProperty("web");
        var canary = Assert.Single(web.GetProperty("PlacedCanaries").EnumerateArray()).GetGuid();
        Assert.Equal(1, web.GetProperty("DesiredCanaries").GetInt32());
        Assert.False(web.GetProperty("Promoted").GetBoolean());
        Assert.True(web.GetProperty("RequireProgressBy").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        var canaryAllocation = Assert.Single((await SendAsync(Filled(AllocationsSample, id))).Expect(HttpStatusCode.OK).EnumerateArray(), a => a.GetProperty("ID").GetGuid() == canary);
        Assert.True(canaryAllocation.GetProperty("DeploymentStatus").GetProperty("Canary").GetBoolean());
        var index = long.Parse(read.Header("X-Nomad-Index")!, CultureInfo.InvariantCulture);

        // A blocking query is answered by the pause: it sees the paused deployment, long before its wait ends.
        var watching = Stopwatch.StartNew();
        var blocked = SendAsync(ReadSample.Replace(ReadExampleId, $"{id}?index={index}&wait=60s", StringComparison.Ordinal));
        var paused = await SendAsync(PauseSample, id, PausePayload);
        var pausedIndex = AssertUpdate(paused, id);
        Assert.True(pausedIndex > index);
        var answer = await blocked;
        Assert.True(watching.Elapsed < TimeSpan.FromSeconds(30), $"the blocking query took {watching.Elapsed}");
        Assert.Equal("paused", answer.Expect(HttpStatusCode.OK).GetProperty("Status").GetString());
        Assert.Equal("Deployment is paused", answer.Json.GetProperty("StatusDescription").GetString());
        Assert.True(long.Parse(answer.Header("X-Nomad-Index")!, CultureInfo.InvariantCulture) >= pausedIndex);

        AssertText(await SendAsync(PauseSample, id, PausePayload.Replace(ExampleId, Guid.NewGuid().ToString(), StringComparison.Ordinal)),
            HttpStatusCode.BadRequest, "Deployment ID does not match");
        AssertText(await SendAsync(PauseSample, id, PausePayload), HttpStatusCode.Conflict, string.Empty);
        AssertUpdate(await SendAsync(PauseSample, id, PausePayload.Replace("true", "false", StringComparison.Ordinal)), id);
        Assert.Equal("running", (await SendAsync(ReadSample.Replace(ReadExampleId, id.ToString(), StringComparison.Ordinal))).Expect(HttpStatusCode.OK).GetProperty("Status").GetString());

        AssertUpdate(await SendAsync(PromoteSample, id, PromoteAllPayload), id);
        Assert.Equal("successful", (await server.WaitForStatusAsync(id, "successful", "failed", "cancelled")).GetProperty("status").GetString());
        var done = (await SendAsync(ReadSample.Replace(ReadExampleId, id.ToString(), StringComparison.Ordinal))).Expect(HttpStatusCode.OK);
        Assert.Equal("successful", done.GetProperty("Status").GetString());
        Assert.True(done.GetProperty("TaskGroups").GetProperty("web").GetProperty("Promoted").GetBoolean());
        // Nomad answers a command its state refuses with a 500; this API keeps its 409, in plain text.
        AssertText(await SendAsync(PromoteSample, id, PromoteAllPayload), HttpStatusCode.Conflict, string.Empty);

        var events = (await server.Api.GetAsync($"/api/deployments/{id}/events")).Expect(HttpStatusCode.OK).EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "paused" && e.GetProperty("actor").GetString() == "admin");
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "promote" && e.GetProperty("actor").GetString() == "admin");
    }

    [Fact]
    public async Task PromoteGroups_AndFail_AsTheSamplesSendThem_AndTheGoClientsPut()
    {
        var cluster = await server.CreateLocalClusterAsync("nomad-commands");
        var promoting = await StartWaitingCanaryAsync(await server.CreateSampleAppAsync(cluster, "nomad-promoted", instances: 1));
        var failing = await StartWaitingCanaryAsync(await server.CreateSampleAppAsync(cluster, "nomad-failed", instances: 1));

        AssertText(await SendAsync(PromoteSample, promoting, PromoteGroupsPayload.Replace("\"web\"", "\"db\"", StringComparison.Ordinal)), HttpStatusCode.UnprocessableEntity, "db");
        AssertText(await SendAsync(PromoteSample, promoting, PromoteGroupsPayload.Replace("\"web\"", string.Empty, StringComparison.Ordinal)), HttpStatusCode.BadRequest, "Groups");
        AssertUpdate(await SendAsync(PromoteSample, promoting, PromoteGroupsPayload), promoting);

        var failed = await SendAsync(Filled(FailSample, failing));
        AssertUpdate(failed, failing);
        Assert.False(failed.Json.TryGetProperty("RevertedJobVersion", out _));
        Assert.Equal("failed", (await server.WaitForStatusAsync(failing, "failed", "successful", "cancelled")).GetProperty("status").GetString());
        var read = (await SendAsync(ReadSample.Replace(ReadExampleId, failing.ToString(), StringComparison.Ordinal))).Expect(HttpStatusCode.OK);
        Assert.Equal(("failed", "Deployment marked as failed"), (read.GetProperty("Status").GetString(), read.GetProperty("StatusDescription").GetString()));

        // Nomad's Go client writes with PUT and embeds its WriteRequest fields; the failed deployment refuses the promote.
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/v1/deployment/promote/{failing}")
        {
            Content = new StringContent($$"""{"DeploymentID":"{{failing}}","All":true,"Groups":null,"Region":"","Namespace":"","SecretID":"","IdempotencyToken":""}"""),
        };
        put.Headers.Add("X-Nomad-Token", server.AdminKey);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var refused = await http.SendAsync(put, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("text/plain", refused.Content.Headers.ContentType?.MediaType);

        Assert.Equal("successful", (await server.WaitForStatusAsync(promoting, "successful", "failed", "cancelled")).GetProperty("status").GetString());
        var promoted = (await SendAsync(ReadSample.Replace(ReadExampleId, promoting.ToString(), StringComparison.Ordinal))).Expect(HttpStatusCode.OK);
        Assert.True(promoted.GetProperty("TaskGroups").GetProperty("web").GetProperty("Promoted").GetBoolean());
    }

    [Fact]
    public async Task AllocationHealth_OfAManualHealthDeployment_MarksItsAllocationAndTheRolloutFinishes()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("nomad-health"), "nomad-health", instances: 1);
        var options = Scenario.FastOptions();
        options["health_check"] = "manual";
        var id = (await server.DeployAsync(app, options)).GetProperty("id").GetGuid();
        await server.WaitForAsync(id, d => d.GetProperty("groups").TryGetProperty("web", out var web) && web.GetProperty("placed").GetInt32() == 1, "placed");

        var allocation = Assert.Single((await SendAsync(Filled(AllocationsSample, id))).Expect(HttpStatusCode.OK).EnumerateArray());
        var health = allocation.GetProperty("DeploymentStatus").GetProperty("Healthy");
        Assert.Equal(JsonValueKind.Null, health.ValueKind);
        var allocationId = allocation.GetProperty("ID").GetGuid();

        AssertText(await SendAsync(AllocationHealthSample, id, AllocationHealthPayload), HttpStatusCode.UnprocessableEntity, ExampleAllocationId);
        AssertText(await SendAsync(AllocationHealthSample, id, AllocationHealthPayload.Replace($"\"DeploymentID\": \"{ExampleId}\",", string.Empty, StringComparison.Ordinal)),
            HttpStatusCode.BadRequest, "DeploymentID must be set");
        AssertText(await SendAsync(AllocationHealthSample, id, AllocationHealthPayload.Replace("HealthyAllocationIDs", "HealthyAllocs", StringComparison.Ordinal)),
            HttpStatusCode.BadRequest, "HealthyAllocs");
        AssertUpdate(await SendAsync(AllocationHealthSample, id, AllocationHealthPayload.Replace(ExampleAllocationId, allocationId.ToString(), StringComparison.Ordinal)), id);

        Assert.Equal("successful", (await server.WaitForStatusAsync(id, "successful", "failed", "cancelled")).GetProperty("status").GetString());
        var marked = Assert.Single((await SendAsync(Filled(AllocationsSample, id))).Expect(HttpStatusCode.OK).EnumerateArray());
        Assert.True(marked.GetProperty("DeploymentStatus").GetProperty("Healthy").GetBoolean());
        var events = (await server.Api.GetAsync($"/api/deployments/{id}/events")).Expect(HttpStatusCode.OK);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("kind").GetString() == "allocation-health" && e.GetProperty("actor").GetString() == "admin");
    }

    [Fact]
    public async Task ScopedTokens_SeeTheirOwnNamespace_AndAreDeniedAnotherOrACommandBeyondTheirCapability()
    {
        var mine = UniqueNamespace("nmine");
        var theirs = UniqueNamespace("ntheirs");
        var cluster = await server.CreateLocalClusterAsync("nomad-scopes");
        var own = (await server.DeploySuccessfullyAsync(await server.CreateSampleAppAsync(cluster, "nomad-mine", instances: 0, @namespace: mine))).GetProperty("id").GetGuid();
        var other = (await server.DeploySuccessfullyAsync(await server.CreateSampleAppAsync(cluster, "nomad-theirs", instances: 0, @namespace: theirs))).GetProperty("id").GetGuid();
        var reader = await TokenAsync(mine, "read");
        var submitter = await TokenAsync(mine, "submit");

        var everywhere = (await SendAsync(ListSample.Replace("/v1/deployments", "/v1/deployments?namespace=*", StringComparison.Ordinal), reader)).Expect(HttpStatusCode.OK);
        Assert.Equal([own], everywhere.EnumerateArray().Select(d => d.GetProperty("ID").GetGuid()));
        var admin = (await SendAsync(ListSample.Replace("/v1/deployments", "/v1/deployments?namespace=*", StringComparison.Ordinal))).Expect(HttpStatusCode.OK).EnumerateArray().ToList();
        Assert.Contains(admin, d => d.GetProperty("ID").GetGuid() == own);
        Assert.Contains(admin, d => d.GetProperty("ID").GetGuid() == other && d.GetProperty("Namespace").GetString() == theirs);
        Assert.Equal([own], (await SendAsync(ListSample, reader)).Expect(HttpStatusCode.OK).EnumerateArray().Select(d => d.GetProperty("ID").GetGuid()));

        AssertText(await SendAsync(ListSample.Replace("/v1/deployments", $"/v1/deployments?namespace={theirs}", StringComparison.Ordinal), reader), HttpStatusCode.Forbidden, "Permission denied");
        AssertText(await SendAsync(ReadSample.Replace(ReadExampleId, other.ToString(), StringComparison.Ordinal), reader), HttpStatusCode.Forbidden, "Permission denied");
        AssertText(await SendAsync(Filled(AllocationsSample, other), reader), HttpStatusCode.Forbidden, "Permission denied");
        // Another namespace's deployment is refused before its body is read: a malformed one says nothing.
        AssertText(await SendAsync(PauseSample, other, "{ not json", submitter), HttpStatusCode.Forbidden, "Permission denied");
        AssertText(await SendAsync(Filled(FailSample, own), reader), HttpStatusCode.Forbidden, "Permission denied");
        (await SendAsync(ReadSample.Replace(ReadExampleId, own.ToString(), StringComparison.Ordinal), reader)).Expect(HttpStatusCode.OK);
        // Its own ended deployment: the capability passes, the state refuses.
        AssertText(await SendAsync(Filled(FailSample, own), submitter), HttpStatusCode.Conflict, string.Empty);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesNomadsOperations_InItsNames()
    {
        var document = (await server.Api.GetAsync("/api/openapi/nomad.json")).Expect(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        Assert.Equal(
            ["/v1/deployment/allocation-health/{deployment_id}", "/v1/deployment/allocations/{deployment_id}", "/v1/deployment/fail/{deployment_id}",
                "/v1/deployment/pause/{deployment_id}", "/v1/deployment/promote/{deployment_id}", "/v1/deployment/{deployment_id}", "/v1/deployments"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(paths.EnumerateObject().Where(p => p.Name.StartsWith("/v1/deployment/", StringComparison.Ordinal)),
            p => Assert.Single(p.Value.EnumerateObject()));
        var list = paths.GetProperty("/v1/deployments").GetProperty("get");
        Assert.Equal("NomadListDeployments", list.GetProperty("operationId").GetString());
        Assert.Superset(new HashSet<string> { "prefix", "namespace", "index", "wait", "per_page", "next_token" },
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToHashSet());
        var read = paths.GetProperty("/v1/deployment/{deployment_id}").GetProperty("get");
        Assert.Equal(["deployment_id", "index", "wait"], read.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));

        var pause = paths.GetProperty("/v1/deployment/pause/{deployment_id}").GetProperty("post");
        Assert.Equal("NomadPauseDeployment", pause.GetProperty("operationId").GetString());
        Assert.True(pause.TryGetProperty("requestBody", out var body), pause.ToString());
        Assert.Equal("#/components/schemas/NomadPauseBody", body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(DeploymentFields.Order(StringComparer.Ordinal), Properties(schemas, "NomadDeployment"));
        Assert.Equal(TaskGroupFields.Order(StringComparer.Ordinal), Properties(schemas, "NomadDeploymentState"));
        Assert.Equal(AllocationFields.Order(StringComparer.Ordinal), Properties(schemas, "NomadAllocation"));
        Assert.Equal(UpdateFields.Append("RevertedJobVersion").Order(StringComparer.Ordinal), Properties(schemas, "NomadDeploymentUpdate"));
        Assert.Contains("DeploymentID", Properties(schemas, "NomadPauseBody"));
        Assert.Contains("Pause", Properties(schemas, "NomadPauseBody"));
        Assert.Contains("HealthyAllocationIDs", Properties(schemas, "NomadAllocationHealthBody"));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("X-Nomad-Token");
        Assert.Equal(("apiKey", "header", "X-Nomad-Token"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        var own = (await server.Api.GetAsync("/api/openapi/v1.json")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(own.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/v1/", StringComparison.Ordinal));
    }

    private async Task<Guid> StartWaitingCanaryAsync(Guid app)
    {
        var id = (await server.DeployAsync(app, Scenario.FastOptions(new { instance_weight = 50 }, new { instance_weight = 100 }), strategy: "canary")).GetProperty("id").GetGuid();
        await server.WaitForAsync(id, d => d.GetProperty("status_description").GetString()!.StartsWith(RequiresPromotion, StringComparison.Ordinal), "waiting for promotion");
        return id;
    }

    private async Task<string> TokenAsync(string @namespace, string capability) =>
        (await server.Api.PostAsync("/api/tokens", new { name = $"nomad-{capability}", @namespace, capabilities = new[] { capability } }))
            .Expect(HttpStatusCode.Created).GetProperty("token").GetString()!;

    private Task<ApiResponse> SendAsync(string sample, string? token = null) =>
        CurlSample.Parse(sample, new Dictionary<string, string> { ["token"] = token ?? server.AdminKey }).SendAsync(server);

    /// <summary>A command sample for <paramref name="id"/>, its <c>@payload.json</c> the given one with the example id replaced too.</summary>
    private Task<ApiResponse> SendAsync(string sample, Guid id, string payload, string? token = null) =>
        CurlSample.Parse(Filled(sample, id), new Dictionary<string, string> { ["token"] = token ?? server.AdminKey },
            new Dictionary<string, string> { ["payload.json"] = Filled(payload, id) }).SendAsync(server);

    private static string Filled(string text, Guid id) => text.Replace(ExampleId, id.ToString(), StringComparison.Ordinal);

    private static string UniqueNamespace(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private static IEnumerable<string> Properties(JsonElement schemas, string name)
    {
        Assert.True(schemas.TryGetProperty(name, out var schema), $"no schema {name} among {string.Join(", ", schemas.EnumerateObject().Select(s => s.Name))}");
        return schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
    }

    private static void AssertQueryMeta(ApiResponse response)
    {
        Assert.True(long.TryParse(response.Header("X-Nomad-Index"), NumberStyles.None, CultureInfo.InvariantCulture, out _), response.ToString());
        Assert.Equal("true", response.Header("X-Nomad-KnownLeader"));
        Assert.Equal("0", response.Header("X-Nomad-LastContact"));
    }

    private static void AssertDeploymentShape(JsonElement deployment)
    {
        Assert.Equal(DeploymentFields.Order(StringComparer.Ordinal), deployment.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        deployment.GetProperty("ID").GetGuid();
        Assert.Equal(JsonValueKind.False, deployment.GetProperty("IsMultiregion").ValueKind);
        foreach (var index in new[] { "JobVersion", "JobModifyIndex", "JobSpecModifyIndex", "JobCreateIndex", "CreateIndex", "ModifyIndex" })
        {
            Assert.True(deployment.GetProperty(index).GetInt64() > 0, index);
        }

        Assert.True(deployment.GetProperty("ModifyIndex").GetInt64() >= deployment.GetProperty("CreateIndex").GetInt64());
        foreach (var group in deployment.GetProperty("TaskGroups").EnumerateObject())
        {
            Assert.Equal(TaskGroupFields.Order(StringComparer.Ordinal), group.Value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(JsonValueKind.Array, group.Value.GetProperty("PlacedCanaries").ValueKind);
            group.Value.GetProperty("ProgressDeadline").GetInt64();
            group.Value.GetProperty("RequireProgressBy").GetDateTimeOffset();
        }
    }

    /// <summary>Nomad's DeploymentUpdateResponse: the evaluation standing in, every index the deployment's new one, in the X-Nomad-Index header too.</summary>
    private static long AssertUpdate(ApiResponse response, Guid deployment)
    {
        var update = response.Expect(HttpStatusCode.OK);
        Assert.Superset(UpdateFields.ToHashSet(), update.EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.NotEqual(deployment, update.GetProperty("EvalID").GetGuid());
        var index = update.GetProperty("Index").GetInt64();
        Assert.Equal(index, update.GetProperty("DeploymentModifyIndex").GetInt64());
        Assert.Equal(index, update.GetProperty("EvalCreateIndex").GetInt64());
        Assert.Equal(index, long.Parse(response.Header("X-Nomad-Index")!, CultureInfo.InvariantCulture));
        return index;
    }

    private static void AssertText(ApiResponse response, HttpStatusCode status, string contains)
    {
        Assert.True(response.Status == status, response.ToString());
        Assert.Equal("text/plain", response.ContentType);
        Assert.False(string.IsNullOrWhiteSpace(response.Body), response.ToString());
        Assert.Contains(contains, response.Body, StringComparison.Ordinal);
    }
}
