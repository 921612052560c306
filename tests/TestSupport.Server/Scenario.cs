using System.Globalization;

namespace TestSupport.Server;

/// <summary>The setup steps tests share, made through the API as a platform engineer would make them.</summary>
public static class Scenario
{
    /// <summary>How long a test waits for the control plane to get somewhere: rollouts run real processes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    /// <summary>A revision running the real sample service; VERSION is what it answers with, FAIL_HEALTH makes it unhealthy.</summary>
    public static object SampleRevision(string version, bool failHealth = false) => new
    {
        artifact = new { command = "dotnet", args = new[] { BuildOutputs.SampleService } },
        environment = new Dictionary<string, object>
        {
            ["VERSION"] = new { value = version },
            ["FAIL_HEALTH"] = new { value = failHealth ? "true" : "false" },
        },
    };

    /// <summary>Options that make a rollout quick and a failure show quickly.</summary>
    public static Dictionary<string, object> FastOptions(params object[] steps) => new()
    {
        ["max_in_flight"] = 3,
        ["min_healthy_time"] = "0s",
        ["healthy_deadline"] = "20s",
        ["progress_deadline"] = "60s",
        ["steps"] = steps,
    };

    public static async Task<Guid> CreateLocalClusterAsync(this ControlPlaneServer server, string name = "local") =>
        (await server.Api.PostAsync("/api/clusters", new
        {
            name,
            region = "local",
            kind = "dedicated",
            driver = "process",
            driver_settings = new Dictionary<string, string> { ["stateDirectory"] = server.StateDirectory },
        })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();

    public static async Task<Guid> CreateSampleAppAsync(this ControlPlaneServer server, Guid clusterId, string name, int instances = 1, string version = "v1", string @namespace = "default") =>
        (await server.Api.PostAsync("/api/apps", new
        {
            name,
            @namespace,
            cluster_id = clusterId,
            groups = new Dictionary<string, int> { ["web"] = instances },
            revision = SampleRevision(version),
        })).Expect(HttpStatusCode.Created).GetProperty("id").GetGuid();

    /// <summary>Starts a deployment of the app's current revision, or of a new one when <paramref name="version"/> is given.</summary>
    public static async Task<JsonElement> DeployAsync(this ControlPlaneServer server, Guid appId, object? options = null, string strategy = "rolling", string? version = null)
    {
        var body = new Dictionary<string, object?> { ["app_id"] = appId, ["strategy"] = strategy, ["options"] = options ?? FastOptions() };
        if (version is not null)
        {
            foreach (var (field, value) in RevisionFields(version))
            {
                body[field] = value;
            }
        }

        return (await server.Api.PostAsync("/api/deployments", body)).Expect(HttpStatusCode.Created);
    }

    public static Dictionary<string, object> RevisionFields(string version) => new()
    {
        ["artifact"] = new { command = "dotnet", args = new[] { BuildOutputs.SampleService } },
        ["environment"] = new Dictionary<string, object> { ["VERSION"] = new { value = version }, ["FAIL_HEALTH"] = new { value = "false" } },
    };

    public static async Task<JsonElement> DeploySuccessfullyAsync(this ControlPlaneServer server, Guid appId, string? version = null)
    {
        var started = await server.DeployAsync(appId, version: version);
        var id = started.GetProperty("id").GetGuid();
        var done = await server.WaitForStatusAsync(id, "successful");
        await server.WaitForRolloutToEndAsync(id);
        return done;
    }

    /// <summary>
    /// Waits for the rollout's orchestration itself to end (the operator API answers 200 once it has, 202 while it
    /// runs): its last episode is written a moment after the status it sets, and a test that watches the tables for
    /// writes must start after it.
    /// </summary>
    public static async Task WaitForRolloutToEndAsync(this ControlPlaneServer server, Guid deploymentId) =>
        await Polling.UntilAsync($"the rollout of {deploymentId} to end",
            async _ => (await server.Api.GetAsync($"/runtime/webhooks/durabletask/instances/deployment-{deploymentId:N}")).Status,
            status => status == HttpStatusCode.OK, DefaultTimeout);

    /// <summary>Follows a deployment with blocking reads (each returns as soon as it changes) until it reaches one of the statuses.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(this ControlPlaneServer server, Guid deploymentId, params string[] statuses) =>
        await server.WaitForAsync(deploymentId, d => statuses.Contains(d.GetProperty("status").GetString()), string.Join(" or ", statuses));

    public static async Task<JsonElement> WaitForAsync(this ControlPlaneServer server, Guid deploymentId, Func<JsonElement, bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + DefaultTimeout;
        long index = 0;
        JsonElement last = default;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var response = await server.Api.GetAsync($"/api/deployments/{deploymentId}?index={index}&wait=5s");
            last = response.Expect(HttpStatusCode.OK);
            if (condition(last))
            {
                await server.WaitForListToShowAsync(last);
                return last;
            }

            index = long.Parse(response.Header("X-Modify-Index")!, CultureInfo.InvariantCulture);
        }

        throw new TimeoutException($"Deployment {deploymentId} did not become {what}; last: {last}");
    }

    /// <summary>
    /// Lists are served from the index row, written a moment after the record: waits (with a blocking list) until
    /// it holds what was read, so a test that lists next sees the same deployment.
    /// </summary>
    private static async Task WaitForListToShowAsync(this ControlPlaneServer server, JsonElement deployment)
    {
        var index = deployment.GetProperty("modify_index").GetInt64();
        var query = $"namespace={deployment.GetProperty("namespace").GetString()}&prefix={deployment.GetProperty("id").GetGuid():N}&index={index - 1}&wait=20s";
        var listed = await server.Api.GetAsync($"/api/deployments?{query}");
        listed.Expect(HttpStatusCode.OK);
        Assert.True(long.Parse(listed.Header("X-Modify-Index")!, CultureInfo.InvariantCulture) >= index, $"The list did not catch up with deployment {deployment}");
    }
}
