using TestSupport;

namespace Deployments.Server.Tests.Seeds;

/// <summary>Cloud Foundry's v3 deployments, driven by its document's own curl sample and the requests its clients send.</summary>
public sealed class CloudFoundryApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>The sample as the document prints it.</summary>
    private const string CreateSample = "curl -X POST -H 'Authorization: <value>' -H 'Content-Type: application/json' -d '{}' https://{api_host}/v3/deployments";

    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task CreateDeployment_TheSampleAsPrinted_Is422InCloudFoundrysErrorShape_AndStartsNothing()
    {
        var before = await AllDeploymentsAsync();

        var response = await Curl(CreateSample).SendAsync(server);

        var error = Assert.Single(Errors(response, HttpStatusCode.UnprocessableEntity));
        Assert.Equal(10008, error.GetProperty("code").GetInt32());
        Assert.Equal("CF-UnprocessableEntity", error.GetProperty("title").GetString());
        Assert.Contains("relationships.app.data.guid", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await AllDeploymentsAsync());
    }

    [Fact]
    public async Task CreateDeployment_WithTheDocumentedBody_Answers201WithEveryDocumentedField_AndStableGuids()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("cf-create"), "cf-shop", instances: 1);
        var first = (await server.DeploySuccessfullyAsync(app, version: "v2")).GetProperty("id").GetGuid();
        var shown = (await CfGetAsync(first)).Expect(HttpStatusCode.OK);
        var droplet = shown.GetProperty("droplet").GetProperty("guid").GetString()!;
        var revision = shown.GetProperty("revision");
        Assert.Equal(2, revision.GetProperty("version").GetInt32());

        var documented = AppBody(app, $$$"""
            "strategy": "rolling",
              "options": {"max_in_flight": 2, "web_instances": 2, "memory_in_mb": 256, "disk_in_mb": 512, "log_rate_limit_in_bytes_per_second": -1},
              "droplet": {"guid": "{{{droplet}}}"},
              "metadata": {"labels": {"team": "shop"}, "annotations": {"note": "from cf"}}
            """);
        var response = await Curl(CreateSample.Replace("'{}'", $"'{documented}'", StringComparison.Ordinal)).SendAsync(server);

        var created = response.Expect(HttpStatusCode.Created);
        var id = created.GetProperty("guid").GetGuid();
        // Links are absolute from the request's scheme and host: the test server's, where the sample's host was replaced.
        Assert.Equal($"{Origin}/v3/deployments/{id}", response.Location);
        Assert.Equal(
            ["created_at", "droplet", "guid", "links", "metadata", "new_processes", "options", "previous_droplet", "relationships", "revision", "status", "strategy", "updated_at"],
            created.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.String, created.GetProperty("created_at").ValueKind);
        Assert.Equal(JsonValueKind.String, created.GetProperty("updated_at").ValueKind);
        Assert.Equal("ACTIVE", created.GetProperty("status").GetProperty("value").GetString());
        Assert.Equal("DEPLOYING", created.GetProperty("status").GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.String, created.GetProperty("status").GetProperty("details").GetProperty("last_status_change").ValueKind);
        Assert.Equal("rolling", created.GetProperty("strategy").GetString());
        var options = created.GetProperty("options");
        Assert.Equal(2, options.GetProperty("max_in_flight").GetInt32());
        Assert.Equal(2, options.GetProperty("web_instances").GetInt32());
        Assert.Equal(256, options.GetProperty("memory_in_mb").GetInt32());
        Assert.Equal(512, options.GetProperty("disk_in_mb").GetInt32());
        Assert.Equal(-1, options.GetProperty("log_rate_limit_in_bytes_per_second").GetInt64());
        // Memory and disk belong to a revision here: the deployment runs a new one, made from the droplet named.
        Assert.Equal(3, created.GetProperty("revision").GetProperty("version").GetInt32());
        Assert.Equal(droplet, created.GetProperty("previous_droplet").GetProperty("guid").GetString());
        Assert.NotEqual(droplet, created.GetProperty("droplet").GetProperty("guid").GetString());
        var process = Assert.Single(created.GetProperty("new_processes").EnumerateArray());
        Assert.Equal("web", process.GetProperty("type").GetString());
        Assert.True(Guid.TryParse(process.GetProperty("guid").GetString(), out _));
        Assert.Equal(app, created.GetProperty("relationships").GetProperty("app").GetProperty("data").GetProperty("guid").GetGuid());
        Assert.Equal("shop", created.GetProperty("metadata").GetProperty("labels").GetProperty("team").GetString());
        Assert.Equal("from cf", created.GetProperty("metadata").GetProperty("annotations").GetProperty("note").GetString());
        var links = created.GetProperty("links");
        Assert.Equal($"{Origin}/v3/apps/{app}", links.GetProperty("app").GetProperty("href").GetString());
        Assert.Equal($"{Origin}/v3/deployments/{id}/actions/cancel", links.GetProperty("cancel").GetProperty("href").GetString());
        Assert.Equal("POST", links.GetProperty("cancel").GetProperty("method").GetString());
        Assert.Equal("POST", links.GetProperty("continue").GetProperty("method").GetString());

        await server.WaitForStatusAsync(id, "successful");
        var done = (await CfGetAsync(id)).Expect(HttpStatusCode.OK);
        Assert.Equal(("FINALIZED", "DEPLOYED"), Status(done));
        Assert.Equal(JsonValueKind.String, done.GetProperty("status").GetProperty("details").GetProperty("last_successful_healthcheck").ValueKind);
        Assert.Equal(created.GetProperty("droplet").GetProperty("guid").GetString(), done.GetProperty("droplet").GetProperty("guid").GetString());
        Assert.Equal(process.GetProperty("guid").GetString(), Assert.Single(done.GetProperty("new_processes").EnumerateArray()).GetProperty("guid").GetString());
        // The same revision has the same guid on every read, and a revision guid deploys that revision again.
        Assert.Equal(revision.GetProperty("guid").GetString(), (await CfGetAsync(first)).Expect(HttpStatusCode.OK).GetProperty("revision").GetProperty("guid").GetString());
        var again = (await CfPostAsync("/v3/deployments", AppBody(app, $"\"revision\": {{\"guid\": \"{revision.GetProperty("guid").GetString()}\"}}"))).Expect(HttpStatusCode.Created);
        Assert.Equal(2, again.GetProperty("revision").GetProperty("version").GetInt32());
        Assert.Equal(droplet, again.GetProperty("droplet").GetProperty("guid").GetString());
        await server.WaitForStatusAsync(again.GetProperty("guid").GetGuid(), "successful");
        var events = (await server.Api.GetAsync($"/api/deployments/{id}/events")).Expect(HttpStatusCode.OK);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("actor").GetString() == "admin");
    }

    [Fact]
    public async Task CanaryDeployment_PausesAtItsStep_ContinueFinishesIt_AndActionsOnAFinalizedOneAre422()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("cf-canary"), "cf-canary", instances: 2);
        var created = (await CfPostAsync("/v3/deployments", AppBody(app, """
            "strategy": "canary", "options": {"canary": {"steps": [{"instance_weight": 50}]}}
            """))).Expect(HttpStatusCode.Created);
        var id = created.GetProperty("guid").GetGuid();
        Assert.Equal(50, Assert.Single(created.GetProperty("options").GetProperty("canary").GetProperty("steps").EnumerateArray()).GetProperty("instance_weight").GetInt32());

        await PollCfAsync(id, ("ACTIVE", "PAUSED"));
        var continued = await CfPostAsync($"/v3/deployments/{id}/actions/continue", null);
        Assert.Equal("ACTIVE", Status(continued.Expect(HttpStatusCode.OK)).Value);
        await PollCfAsync(id, ("FINALIZED", "DEPLOYED"));

        foreach (var action in new[] { "cancel", "continue" })
        {
            var error = Assert.Single(Errors(await CfPostAsync($"/v3/deployments/{id}/actions/{action}", null), HttpStatusCode.UnprocessableEntity));
            Assert.Equal(10008, error.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task SecondDeployment_SupersedesThePausedOne_AndCancelEndsAnActiveOne()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("cf-supersede"), "cf-supersede", instances: 1);
        var canary = AppBody(app, "\"strategy\": \"canary\"");
        var first = (await CfPostAsync("/v3/deployments", canary)).Expect(HttpStatusCode.Created).GetProperty("guid").GetGuid();
        await PollCfAsync(first, ("ACTIVE", "PAUSED"));

        var second = (await CfPostAsync("/v3/deployments", canary)).Expect(HttpStatusCode.Created).GetProperty("guid").GetGuid();

        await PollCfAsync(first, ("FINALIZED", "SUPERSEDED"));
        await PollCfAsync(second, ("ACTIVE", "PAUSED"));
        (await CfPostAsync($"/v3/deployments/{second}/actions/cancel", null)).Expect(HttpStatusCode.OK);
        await PollCfAsync(second, ("FINALIZED", "CANCELED"));
    }

    [Fact]
    public async Task ListDeployments_PagesInCloudFoundrysEnvelope_FiltersAndOrders_AndPatchChangesMetadata()
    {
        var suite = $"s{Guid.NewGuid():N}"[..12];
        var cluster = await server.CreateLocalClusterAsync("cf-list");
        var one = await server.CreateSampleAppAsync(cluster, "cf-list-one", instances: 0);
        var two = await server.CreateSampleAppAsync(cluster, "cf-list-two", instances: 0);
        var ids = new List<Guid>();
        foreach (var app in new[] { one, one, two })
        {
            var id = (await CfPostAsync("/v3/deployments", AppBody(app, $"\"metadata\": {{\"labels\": {{\"suite\": \"{suite}\"}}}}")))
                .Expect(HttpStatusCode.Created).GetProperty("guid").GetGuid();
            await server.WaitForStatusAsync(id, "successful");
            ids.Add(id);
        }

        var selector = $"label_selector=suite%3D{suite}";
        var firstPage = (await CfGetAsync($"/v3/deployments?{selector}&per_page=2")).Expect(HttpStatusCode.OK);
        var pagination = firstPage.GetProperty("pagination");
        Assert.Equal(3, pagination.GetProperty("total_results").GetInt32());
        Assert.Equal(2, pagination.GetProperty("total_pages").GetInt32());
        Assert.StartsWith($"{Origin}/v3/deployments?page=1&per_page=2", pagination.GetProperty("first").GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"{Origin}/v3/deployments?page=2&per_page=2", pagination.GetProperty("last").GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.Equal(pagination.GetProperty("last").GetProperty("href").GetString(), pagination.GetProperty("next").GetProperty("href").GetString());
        Assert.Equal(JsonValueKind.Null, pagination.GetProperty("previous").ValueKind);
        Assert.Equal(ids[..2], Guids(firstPage));
        var secondPage = (await CfGetAsync(new Uri(pagination.GetProperty("next").GetProperty("href").GetString()!).PathAndQuery)).Expect(HttpStatusCode.OK);
        Assert.Equal([ids[2]], Guids(secondPage));
        Assert.Equal(JsonValueKind.Null, secondPage.GetProperty("pagination").GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Object, secondPage.GetProperty("pagination").GetProperty("previous").ValueKind);

        Assert.Equal([ids[2], ids[1], ids[0]], Guids((await CfGetAsync($"/v3/deployments?{selector}&order_by=-created_at")).Expect(HttpStatusCode.OK)));
        Assert.Equal([ids[2]], Guids((await CfGetAsync($"/v3/deployments?{selector}&app_guids={two}")).Expect(HttpStatusCode.OK)));
        Assert.Equal(ids, Guids((await CfGetAsync($"/v3/deployments?{selector}&app_guids={one},{two}")).Expect(HttpStatusCode.OK)));
        Assert.Equal(ids, Guids((await CfGetAsync($"/v3/deployments?{selector}&status_values=FINALIZED&status_reasons=DEPLOYED")).Expect(HttpStatusCode.OK)));
        Assert.Empty(Guids((await CfGetAsync($"/v3/deployments?{selector}&status_values=ACTIVE")).Expect(HttpStatusCode.OK)));
        Assert.Empty(Guids((await CfGetAsync($"/v3/deployments?{selector}&page=4&per_page=1")).Expect(HttpStatusCode.OK)));
        Assert.Equal([ids[2]], Guids((await CfGetAsync($"/v3/deployments?{selector}&page=3&per_page=1")).Expect(HttpStatusCode.OK)));

        foreach (var bad in new[] { "per_page=0", "per_page=5001", "page=0", "order_by=name", "status_values=DONE", "status_reasons=FAILED", "label_selector=%21%21", "names=x" })
        {
            var error = Assert.Single(Errors(await CfGetAsync($"/v3/deployments?{bad}"), HttpStatusCode.BadRequest));
            Assert.Equal(10005, error.GetProperty("code").GetInt32());
            Assert.Equal("CF-BadQueryParameter", error.GetProperty("title").GetString());
        }

        var patched = (await CfSendAsync(HttpMethod.Patch, $"/v3/deployments/{ids[0]}", """{"metadata": {"labels": {"suite": null, "tier": "gold"}, "annotations": {"owner": "cf"}}}""")).Expect(HttpStatusCode.OK);
        Assert.Equal(["tier"], patched.GetProperty("metadata").GetProperty("labels").EnumerateObject().Select(p => p.Name));
        Assert.Equal("cf", patched.GetProperty("metadata").GetProperty("annotations").GetProperty("owner").GetString());
        Assert.Equal([ids[1], ids[2]], Guids((await CfGetAsync($"/v3/deployments?{selector}")).Expect(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task Errors_AreInCloudFoundrysShapeWithItsCodes()
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync("cf-errors"), "cf-errors", instances: 0);
        var body = (string fields) => AppBody(app, fields);

        Assert.Equal((10010, "CF-ResourceNotFound", "Deployment not found"), Entry(Errors(await CfGetAsync($"/v3/deployments/{Guid.NewGuid()}"), HttpStatusCode.NotFound)));
        Assert.Equal((10010, "CF-ResourceNotFound", "Deployment not found"), Entry(Errors(await CfGetAsync("/v3/deployments/not-a-guid"), HttpStatusCode.NotFound)));
        Assert.Equal((10010, "CF-ResourceNotFound", "Deployment not found"), Entry(Errors(await CfPostAsync($"/v3/deployments/{Guid.NewGuid()}/actions/cancel", null), HttpStatusCode.NotFound)));
        var anonymous = await Curl(CreateSample.Replace("-H 'Authorization: <value>' ", "", StringComparison.Ordinal)).SendAsync(server);
        Assert.Equal((10002, "CF-NotAuthenticated", "Authentication error"), Entry(Errors(anonymous, HttpStatusCode.Unauthorized)));
        var malformed = Entry(Errors(await CfPostAsync("/v3/deployments", "{\"relationships\": "), HttpStatusCode.BadRequest));
        Assert.Equal((1001, "CF-MessageParseError"), (malformed.Code, malformed.Title));
        Assert.Equal(10008, Entry(Errors(await CfPostAsync("/v3/deployments", AppBody(Guid.NewGuid())), HttpStatusCode.UnprocessableEntity)).Code);
        foreach (var (fields, field) in new[]
        {
            ("\"options\": {\"log_rate_limit_in_bytes_per_second\": 1024}", "options.log_rate_limit_in_bytes_per_second"),
            ("\"options\": {\"canary\": {\"steps\": [{\"instance_weight\": 10}]}}", "options.canary"),
            ("\"strategy\": \"blue-green\"", "strategy"),
            ("\"droplet\": {\"guid\": \"" + Guid.NewGuid() + "\"}", "droplet"),
            ("\"strategy\": \"canary\", \"options\": {\"canary\": {\"steps\": [{\"instance_weight\": 50}, {\"instance_weight\": 20}]}}", "options.canary.steps[1].instance_weight"),
            ("\"unknown\": 1", "unknown"),
        })
        {
            var error = Assert.Single(Errors(await CfPostAsync("/v3/deployments", body(fields)), HttpStatusCode.UnprocessableEntity));
            Assert.Equal((10008, "CF-UnprocessableEntity"), (error.GetProperty("code").GetInt32(), error.GetProperty("title").GetString()));
            Assert.Contains(field, error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(2, Errors(await CfPostAsync("/v3/deployments", """{"strategy": "blue-green"}"""), HttpStatusCode.UnprocessableEntity).Count);
        // A body sent as another type reaches the body reader, not a routing 415: Cloud Foundry's parse error.
        var formBody = await Curl(CreateSample.Replace("-H 'Content-Type: application/json' ", "", StringComparison.Ordinal)).SendAsync(server);
        Assert.Equal((1001, "CF-MessageParseError"), (Entry(Errors(formBody, HttpStatusCode.BadRequest)).Code, Entry(Errors(formBody, HttpStatusCode.BadRequest)).Title));
    }

    [Fact]
    public async Task NamespacedToken_IsRefusedAnotherNamespacesDeployment_AndListsOnlyItsOwn()
    {
        var cluster = await server.CreateLocalClusterAsync("cf-scope");
        var mine = $"cfmine{Guid.NewGuid():N}"[..14];
        var theirs = $"cftheirs{Guid.NewGuid():N}"[..16];
        var myApp = await server.CreateSampleAppAsync(cluster, "cf-scope-mine", instances: 0, @namespace: mine);
        var theirApp = await server.CreateSampleAppAsync(cluster, "cf-scope-theirs", instances: 0, @namespace: theirs);
        var theirDeployment = (await CfPostAsync("/v3/deployments", AppBody(theirApp))).Expect(HttpStatusCode.Created).GetProperty("guid").GetGuid();
        var token = (await server.Api.PostAsync("/api/tokens", new { name = "cf-cli", @namespace = mine, capabilities = new[] { "read", "submit" } }))
            .Expect(HttpStatusCode.Created).GetProperty("token").GetString()!;

        var myDeployment = (await CfPostAsync("/v3/deployments", AppBody(myApp), token)).Expect(HttpStatusCode.Created).GetProperty("guid").GetGuid();

        Assert.Equal(10003, Entry(Errors(await CfGetAsync($"/v3/deployments/{theirDeployment}", token), HttpStatusCode.Forbidden)).Code);
        Assert.Equal(10003, Entry(Errors(await CfSendAsync(HttpMethod.Patch, $"/v3/deployments/{theirDeployment}", "{\"bogus\": 1}", token), HttpStatusCode.Forbidden)).Code);
        Assert.Equal(10003, Entry(Errors(await CfPostAsync($"/v3/deployments/{theirDeployment}/actions/cancel", null, token), HttpStatusCode.Forbidden)).Code);
        Assert.Equal(10003, Entry(Errors(await CfPostAsync("/v3/deployments", AppBody(theirApp), token), HttpStatusCode.Forbidden)).Code);
        Assert.Equal([myDeployment], Guids((await CfGetAsync("/v3/deployments", token)).Expect(HttpStatusCode.OK)));
        Assert.Contains(theirDeployment, Guids((await CfGetAsync($"/v3/deployments?app_guids={theirApp}")).Expect(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesCloudFoundrysOperations_InItsNames()
    {
        var document = (await server.Api.GetAsync("/api/openapi/cloudfoundry.json")).Expect(HttpStatusCode.OK);

        Assert.Equal(["/v3/deployments", "/v3/deployments/{guid}", "/v3/deployments/{guid}/actions/cancel", "/v3/deployments/{guid}/actions/continue"],
            document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["droplet", "metadata", "options", "relationships", "revision", "strategy"], Properties(schemas, "CloudFoundryCreateBody"));
        Assert.Equal(["canary", "disk_in_mb", "log_rate_limit_in_bytes_per_second", "max_in_flight", "memory_in_mb", "web_instances"], Properties(schemas, "CloudFoundryOptions"));
        Assert.Contains("guid", Properties(schemas, "CloudFoundryDeployment"));
        Assert.Contains("previous_droplet", Properties(schemas, "CloudFoundryDeployment"));
        Assert.Contains("new_processes", Properties(schemas, "CloudFoundryDeployment"));
        Assert.Equal(["pagination", "resources"], Properties(schemas, "CloudFoundryPage"));
        Assert.Equal(["first", "last", "next", "previous", "total_pages", "total_results"], Properties(schemas, "CloudFoundryPagination"));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        var own = (await server.Api.GetAsync("/api/openapi/v1.json")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(own.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/v3/deployments", StringComparison.Ordinal));
    }

    /// <summary>A create body for <paramref name="app"/>, with more fields after its relationship.</summary>
    private static string AppBody(Guid app, string more = "") =>
        "{\"relationships\": {\"app\": {\"data\": {\"guid\": \"" + app + "\"}}}" + (more.Length > 0 ? ", " + more.Trim() : "") + "}";

    private string Origin => server.BaseAddress.GetLeftPart(UriPartial.Authority);

    private CurlSample Curl(string command, string? token = null) =>
        CurlSample.Parse(command, new Dictionary<string, string> { ["value"] = $"bearer {token ?? server.AdminKey}", ["api_host"] = "api.example.org" });

    private Task<ApiResponse> CfGetAsync(Guid id) => CfGetAsync($"/v3/deployments/{id}");

    private Task<ApiResponse> CfGetAsync(string path, string? token = null) =>
        Curl($"curl \"https://{{api_host}}{path}\" -X GET -H 'Authorization: <value>'", token).SendAsync(server);

    private Task<ApiResponse> CfPostAsync(string path, string? body, string? token = null) => CfSendAsync(HttpMethod.Post, path, body, token);

    private Task<ApiResponse> CfSendAsync(HttpMethod method, string path, string? body, string? token = null) =>
        Curl($"curl -X {method.Method} -H 'Authorization: <value>' -H 'Content-Type: application/json'{(body is null ? "" : $" -d '{body}'")} https://{{api_host}}{path}", token).SendAsync(server);

    private async Task PollCfAsync(Guid id, (string Value, string Reason) expected) =>
        await Polling.UntilAsync($"deployment {id} to read {expected}", async _ => Status((await CfGetAsync(id)).Expect(HttpStatusCode.OK)), s => s == expected, Scenario.DefaultTimeout);

    private async Task<int> AllDeploymentsAsync() =>
        (await CfGetAsync("/v3/deployments?per_page=1")).Expect(HttpStatusCode.OK).GetProperty("pagination").GetProperty("total_results").GetInt32();

    private static (string Value, string Reason) Status(JsonElement deployment) =>
        (deployment.GetProperty("status").GetProperty("value").GetString()!, deployment.GetProperty("status").GetProperty("reason").GetString()!);

    private static List<Guid> Guids(JsonElement page) => [.. page.GetProperty("resources").EnumerateArray().Select(d => d.GetProperty("guid").GetGuid())];

    private static List<string> Properties(JsonElement schemas, string name) =>
        [.. schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static List<JsonElement> Errors(ApiResponse response, HttpStatusCode status)
    {
        Assert.True(response.Status == status, response.ToString());
        var root = response.Json;
        Assert.Equal(["errors"], root.EnumerateObject().Select(p => p.Name));
        var errors = root.GetProperty("errors").EnumerateArray().ToList();
        Assert.All(errors, e => Assert.Equal(["code", "detail", "title"], e.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        return errors;
    }

    private static (int Code, string Title, string Detail) Entry(List<JsonElement> errors)
    {
        var error = Assert.Single(errors);
        return (error.GetProperty("code").GetInt32(), error.GetProperty("title").GetString()!, error.GetProperty("detail").GetString()!);
    }
}
