namespace Deployments.Server.Tests;

/// <summary>A POST with an Idempotency-Key runs once: retries get the first response again, a different request with the key is refused.</summary>
public sealed class IdempotencyApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Retry_WithTheSameKeyAndBody_ReplaysTheFirstResponse_WithoutRunningAgain()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { name = "replayed", region = "r1", driver = "process" };
        var first = await server.Api.PostAsync("/api/clusters", body, key);
        first.Expect(HttpStatusCode.Created);
        Assert.Null(first.Header("Idempotent-Replayed"));

        var retry = await server.Api.PostAsync("/api/clusters", body, key);

        Assert.Equal(HttpStatusCode.Created, retry.Status);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(first.Location, retry.Location);
        Assert.Equal("application/json", retry.ContentType);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        var clusters = (await server.Api.GetAsync("/api/clusters")).Expect(HttpStatusCode.OK).GetProperty("clusters");
        Assert.Single(clusters.EnumerateArray(), c => c.GetProperty("name").GetString() == "replayed");
        // Without a key the same request runs again, and is refused as a duplicate.
        (await server.Api.PostAsync("/api/clusters", body)).IsProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Commands_AreIdempotentToo_AndWithoutAKeyEachRequestRuns()
    {
        var cluster = await server.CreateLocalClusterAsync("commands");
        var app = await server.CreateSampleAppAsync(cluster, "once", instances: 0);
        var key = "deploy-once-" + Guid.NewGuid().ToString("N");
        var body = new Dictionary<string, object> { ["app_id"] = app, ["options"] = Scenario.FastOptions() };
        var first = (await server.Api.PostAsync("/api/deployments", body, key)).Expect(HttpStatusCode.Created);
        var retry = await server.Api.PostAsync("/api/deployments", body, $"\"{key}\"");
        Assert.Equal(first.GetProperty("id").GetGuid(), retry.Expect(HttpStatusCode.Created).GetProperty("id").GetGuid());
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Single((await server.Api.GetAsync($"/api/deployments?app_id={app}")).Expect(HttpStatusCode.OK).GetProperty("deployments").EnumerateArray());
        await server.WaitForStatusAsync(first.GetProperty("id").GetGuid(), "successful");

        var keyless = (await server.Api.PostAsync("/api/deployments", body)).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();
        Assert.NotEqual(first.GetProperty("id").GetGuid(), keyless);
        await server.WaitForStatusAsync(keyless, "successful");
    }

    [Fact]
    public async Task SameKey_OnADifferentRequest_Is422_AndRefusalsAreRemembered()
    {
        var key = Guid.NewGuid().ToString();
        (await server.Api.PostAsync("/api/clusters", new { name = "keyed", region = "r", driver = "process" }, key)).Expect(HttpStatusCode.Created);

        (await server.Api.PostAsync("/api/clusters", new { name = "keyed", region = "other", driver = "process" }, key)).IsProblem(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        (await server.Api.PostAsync("/api/environments", new { name = "keyed", cluster_id = Guid.NewGuid() }, key)).IsProblem(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");

        // A refusal is a response like any other: its retry gets the same refusal, marked as a replay.
        var refusedKey = Guid.NewGuid().ToString();
        var orphan = new { name = "orphan", cluster_id = Guid.NewGuid() };
        var refused = await server.Api.PostAsync("/api/environments", orphan, refusedKey);
        refused.IsProblem(HttpStatusCode.UnprocessableEntity, "cluster_id");
        var replayed = await server.Api.PostAsync("/api/environments", orphan, refusedKey);
        Assert.Equal(refused.Body, replayed.Body);
        Assert.Equal("application/problem+json", replayed.ContentType);
        Assert.Equal("true", replayed.Header("Idempotent-Replayed"));

        (await server.Api.PostAsync("/api/clusters", new { name = "k2", region = "r", driver = "process" }, new string('k', 300))).IsProblem(HttpStatusCode.BadRequest, "Idempotency-Key");
        (await server.Api.PostAsync("/api/clusters", new { name = "k2", region = "r", driver = "process" }, "has space")).IsProblem(HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Fact]
    public async Task ConcurrentDuplicates_RunOnce_TheOthersWaitOrGetTheFirstResponse()
    {
        var cluster = await server.CreateLocalClusterAsync("concurrent");
        var key = Guid.NewGuid().ToString();
        var body = new { name = "raced", @namespace = "race", cluster_id = cluster, groups = new Dictionary<string, int> { ["web"] = 1 } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.Api.PostAsync("/api/apps", body, key)));

        var created = responses.Where(r => r.Status == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.All(created, r => Assert.Equal(created[0].Body, r.Body));
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r =>
            Assert.Contains("in progress", r.IsProblem(HttpStatusCode.Conflict, "Idempotency-Key").GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase));
        Assert.Single((await server.Api.GetAsync("/api/apps?namespace=race")).Expect(HttpStatusCode.OK).GetProperty("apps").EnumerateArray());
        var late = await server.Api.PostAsync("/api/apps", body, key);
        late.Expect(HttpStatusCode.Created);
        Assert.Equal(created[0].Body, late.Body);
    }

    [Fact]
    public async Task Keys_BelongToTheirCaller_EvenWhenTwoTokensShareAName()
    {
        var first = await TokenClientAsync();
        var second = await TokenClientAsync();
        var key = Guid.NewGuid().ToString();

        var mine = await first.PostAsync("/api/clusters", new { name = "first-caller", region = "r", driver = "process" }, key);
        var theirs = await second.PostAsync("/api/clusters", new { name = "second-caller", region = "r", driver = "process" }, key);

        Assert.NotEqual(mine.Expect(HttpStatusCode.Created).GetProperty("id").GetGuid(), theirs.Expect(HttpStatusCode.Created).GetProperty("id").GetGuid());
        Assert.Null(theirs.Header("Idempotent-Replayed"));
        Assert.Equal(mine.Body, (await first.PostAsync("/api/clusters", new { name = "first-caller", region = "r", driver = "process" }, key)).Body);
    }

    /// <summary>A client with its own admin token, always named "ci", minted through the tokens API.</summary>
    private async Task<ApiClient> TokenClientAsync()
    {
        var token = (await server.Api.PostAsync("/api/tokens", new { name = "ci", capabilities = new[] { "admin" } })).Expect(HttpStatusCode.Created);
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        return new ApiClient(http);
    }
}
