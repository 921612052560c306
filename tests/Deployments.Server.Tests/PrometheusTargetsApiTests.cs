using System.Net.Http.Headers;
using TestSupport;

namespace Deployments.Server.Tests;

/// <summary>
/// /api/prometheus/targets, Prometheus' HTTP service discovery, over a real socket: the running allocations of real
/// sample processes, with the labels a canary analysis selects by; and a real Prometheus that finds and scrapes them.
/// </summary>
public sealed class PrometheusTargetsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Targets_without_a_key_are_refused()
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await anonymous.GetAsync(new Uri("/api/prometheus/targets", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Targets_list_each_running_allocation_with_its_labels_to_a_bearer_key()
    {
        var ns = UniqueNamespace("sd");
        var app = await CreateLoadedAppAsync(ns, "sd-sample", instances: 2);
        var deployment = (await server.DeploySuccessfullyAsync(app)).GetProperty("id").GetGuid();
        var addresses = (await server.Api.GetAsync($"/api/deployments/{deployment}/allocations")).Expect(HttpStatusCode.OK).EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetString()!, a => new Uri(a.GetProperty("address").GetString()!));

        using var response = await BearerGetAsync($"/api/prometheus/targets?namespace={ns}", server.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var groups = body.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, groups.Count);
        Assert.All(groups, group =>
        {
            var labels = group.GetProperty("labels");
            var allocation = labels.GetProperty("allocation").GetString()!;
            var address = addresses[allocation];
            Assert.Equal($"127.0.0.1:{address.Port}", Assert.Single(group.GetProperty("targets").EnumerateArray()).GetString());
            Assert.Equal("sd-sample", labels.GetProperty("app").GetString());
            Assert.Equal(ns, labels.GetProperty("namespace").GetString());
            Assert.Equal("web", labels.GetProperty("group").GetString());
            Assert.Equal("1", labels.GetProperty("revision").GetString());
            Assert.Equal(deployment.ToString(), labels.GetProperty("deployment").GetString());
            Assert.Equal("false", labels.GetProperty("canary").GetString());
        });
    }

    [Fact]
    public async Task Targets_leave_out_the_allocations_a_later_deployment_stopped()
    {
        var ns = UniqueNamespace("sdstop");
        var app = await CreateLoadedAppAsync(ns, "replaced", instances: 1);
        await server.DeploySuccessfullyAsync(app);

        var second = (await server.DeploySuccessfullyAsync(app, version: "v2")).GetProperty("id").GetGuid();

        using var response = await BearerGetAsync($"/api/prometheus/targets?namespace={ns}", server.AdminKey);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var labels = Assert.Single(body.RootElement.EnumerateArray()).GetProperty("labels");
        Assert.Equal(second.ToString(), labels.GetProperty("deployment").GetString());
        Assert.Equal("2", labels.GetProperty("revision").GetString());
    }

    [Fact]
    public async Task A_token_of_one_namespace_sees_only_its_targets_and_is_refused_another_namespace()
    {
        var mine = UniqueNamespace("sdmine");
        var theirs = UniqueNamespace("sdtheirs");
        await server.DeploySuccessfullyAsync(await CreateLoadedAppAsync(mine, "mine", instances: 1));
        await server.DeploySuccessfullyAsync(await CreateLoadedAppAsync(theirs, "theirs", instances: 1));
        var token = (await server.Api.PostAsync("/api/tokens", new { name = "prometheus", @namespace = mine, capabilities = new[] { "read" } }))
            .Expect(HttpStatusCode.Created).GetProperty("token").GetString()!;

        using var everything = await BearerGetAsync("/api/prometheus/targets", token);
        using var other = await BearerGetAsync($"/api/prometheus/targets?namespace={theirs}", token);

        using var body = JsonDocument.Parse(await everything.Content.ReadAsStringAsync(Ct));
        Assert.Equal([mine], body.RootElement.EnumerateArray().Select(g => g.GetProperty("labels").GetProperty("namespace").GetString()).Distinct());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Prometheus_finds_the_allocations_through_the_endpoint_and_scrapes_their_requests_with_the_labels()
    {
        PrometheusServer.RequireInstalled();
        var ns = UniqueNamespace("sdprom");
        var app = await CreateLoadedAppAsync(ns, "scraped", instances: 2);
        var deployment = (await server.DeploySuccessfullyAsync(app)).GetProperty("id").GetGuid();
        await using var prometheus = await PrometheusServer.StartWithServiceDiscoveryAsync(
            new Uri(server.BaseAddress, $"/api/prometheus/targets?namespace={ns}"), server.AdminKey);

        var series = await Polling.UntilAsync($"Prometheus to scrape sample_requests_total of deployment {deployment}",
            token => prometheus.QuerySeriesAsync($"sample_requests_total{{deployment=\"{deployment}\"}}", token),
            found => found.Count == 2, Scenario.DefaultTimeout, TimeSpan.FromMilliseconds(500),
            found => $"{found.Count} series; targets: {prometheus.TargetsAsync(CancellationToken.None).GetAwaiter().GetResult()}");

        Assert.All(series, labels =>
        {
            Assert.Equal("scraped", labels["app"]);
            Assert.Equal(ns, labels["namespace"]);
            Assert.Equal("web", labels["group"]);
            Assert.Equal("1", labels["revision"]);
            Assert.Equal("false", labels["canary"]);
            Assert.Equal("200", labels["code"]);
        });
        Assert.Equal(2, series.Select(labels => labels["allocation"]).Distinct().Count());
    }

    /// <summary>Each test's apps in a namespace of their own, so the tests sharing the server do not see each other's targets.</summary>
    private static string UniqueNamespace(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    /// <summary>A sample app whose instances load themselves (LOAD_RPS), so their request counters move without outside traffic.</summary>
    private async Task<Guid> CreateLoadedAppAsync(string @namespace, string name, int instances) =>
        (await server.Api.PostAsync("/api/apps", new
        {
            name,
            @namespace,
            cluster_id = await server.CreateLocalClusterAsync($"{name}-{Guid.NewGuid():N}"[..20]),
            groups = new Dictionary<string, int> { ["web"] = instances },
            revision = new
            {
                artifact = new { command = "dotnet", args = new[] { BuildOutputs.SampleService } },
                environment = new Dictionary<string, object> { ["VERSION"] = new { value = "v1" }, ["LOAD_RPS"] = new { value = "20" } },
            },
        })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();

    private async Task<HttpResponseMessage> BearerGetAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var http = new HttpClient();
        return await http.SendAsync(request, Ct);
    }
}
