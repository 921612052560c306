using System.Text.Json.Nodes;
using BadInputCases = Deployments.Server.Tests.BadInput;

namespace Deployments.Server.Tests;

/// <summary>
/// Every count, size and duration a caller sets has a documented limit (docs/input-limits.md); one past it
/// is a 400 naming the field and the limit, and writes nothing.
/// </summary>
public sealed class InputLimitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task A_value_past_its_documented_limit_is_a_400_naming_the_field_and_the_limit()
    {
        var ids = await BadInputCases.BodyEndpoints.SetUpAsync(server);
        string Many(int count, Func<int, string> item) => string.Join(",", Enumerable.Range(0, count).Select(item));
        var deploy = $$$"""{"app_id": "{{{ids.App}}}", "strategy": "canary", "options": {"steps": [{"instance_weight": 50}], "max_in_flight": 1, "OPTION"}}""";
        var app = $$"""{"name": "limits", "cluster_id": "{{ids.Cluster}}", "groups": {"web": 1}, "FIELD"}""";
        var cases = new (HttpMethod Method, string Path, string Body, string Field, string Limit)[]
        {
            (HttpMethod.Post, "/api/deployments", deploy.Replace("\"OPTION\"", "\"groups\": {\"web\": 2147483647}"), "options.groups.web", "1000"),
            (HttpMethod.Post, "/api/deployments", deploy.Replace("\"max_in_flight\": 1, \"OPTION\"", "\"max_in_flight\": 2147483647"), "options.max_in_flight", "1000"),
            (HttpMethod.Post, "/api/deployments", deploy.Replace("[{\"instance_weight\": 50}], \"max_in_flight\": 1, \"OPTION\"", $"[{Many(21, i => $"{{\"instance_weight\": {i + 1}}}")}]"), "options.steps", "20"),
            (HttpMethod.Post, "/api/deployments", deploy.Replace("{\"instance_weight\": 50}", "{\"instance_weight\": 50, \"pause\": \"169h\"}").Replace(", \"OPTION\"", ""), "options.steps[0].pause", "168h"),
            (HttpMethod.Post, "/api/deployments", deploy.Replace("\"OPTION\"", "\"min_healthy_time\": \"169h\", \"healthy_deadline\": \"170h\", \"progress_deadline\": \"171h\""), "options.min_healthy_time", "168h"),
            (HttpMethod.Post, "/api/deployments", deploy.Replace("\"OPTION\"", "\"progress_deadline\": \"169h\""), "options.progress_deadline", "168h"),
            (HttpMethod.Post, "/api/deployments", deploy.Replace("\"OPTION\"", "\"scale_down_delay\": \"169h\""), "options.scale_down_delay", "168h"),
            (HttpMethod.Post, "/api/apps", app.Replace("\"groups\": {\"web\": 1}, \"FIELD\"", "\"groups\": {\"web\": 2147483647}"), "groups.web", "1000"),
            (HttpMethod.Post, "/api/apps", app.Replace("\"groups\": {\"web\": 1}, \"FIELD\"", $"\"groups\": {{{Many(33, i => $"\"g{i}\": 1")}}}"), "groups", "32"),
            (HttpMethod.Post, "/api/apps", app.Replace("\"FIELD\"", $"\"labels\": {{{Many(65, i => $"\"l{i}\": \"v\"")}}}"), "labels", "64"),
            (HttpMethod.Post, "/api/apps", app.Replace("\"FIELD\"", "\"revision\": {\"artifact\": {\"command\": \"x\"}, \"resources\": {\"cpu\": 1000000}}"), "revision.resources.cpu", "256"),
            (HttpMethod.Post, $"/api/apps/{ids.App}/revisions", $"{{\"artifact\": {{\"command\": \"x\", \"args\": [{Many(257, i => "\"a\"")}]}}}}", "artifact.args", "256"),
            (HttpMethod.Post, $"/api/apps/{ids.App}/revisions", $"{{\"artifact\": {{\"command\": \"x\"}}, \"config\": {{{Many(257, i => $"\"C{i}\": \"v\"")}}}}}", "config", "256"),
            (HttpMethod.Post, $"/api/apps/{ids.App}/revisions", $"{{\"artifact\": {{\"command\": \"x\"}}, \"environment\": {{{Many(257, i => $"\"E{i}\": {{\"value\": \"v\"}}")}}}}}", "environment", "256"),
            (HttpMethod.Post, $"/api/apps/{ids.App}/revisions", "{\"artifact\": {\"command\": \"x\"}, \"resources\": {\"memory_mb\": 2147483647}}", "resources.memory_mb", "1048576"),
            (HttpMethod.Post, $"/api/apps/{ids.App}/revisions", $"{{\"artifact\": {{\"command\": \"x\"}}, \"resources\": {{\"volumes\": [{Many(33, i => $"\"v{i}\"")}]}}}}", "resources.volumes", "32"),
            (HttpMethod.Post, "/api/environments", $$"""{"name": "far", "cluster_id": "{{ids.Cluster}}", "approval_expiry": "721h"}""", "approval_expiry", "720h"),
            (HttpMethod.Post, "/api/environments", $$"""{"name": "far", "cluster_id": "{{ids.Cluster}}", "order": 2147483647}""", "order", "1000"),
            (HttpMethod.Post, "/api/pipelines", $"{{\"name\": \"long\", \"stages\": [{Many(21, i => $"[\"{Guid.NewGuid()}\"]")}]}}", "stages", "20"),
            (HttpMethod.Post, "/api/clusters", $"{{\"name\": \"big\", \"region\": \"r\", \"driver\": \"process\", \"driver_settings\": {{{Many(65, i => $"\"s{i}\": \"v\"")}}}}}", "driver_settings", "64"),
            (HttpMethod.Post, $"/api/deployments/{ids.Deployment}/fail", $"{{\"reason\": \"{new string('r', 1001)}\"}}", "reason", "1000"),
        };
        var before = await TableSnapshot.SettledAsync(server);
        var failures = new List<string>();

        foreach (var (method, path, body, field, limit) in cases)
        {
            Assert.NotNull(JsonNode.Parse(body));
            var response = await server.Api.SendRawAsync(method, path, body);
            var names = response.Status == HttpStatusCode.BadRequest && response.ContentType == "application/problem+json"
                && response.Json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
                && messages.EnumerateArray().Any(m => m.GetString()!.Contains(limit, StringComparison.Ordinal));
            if (!names)
            {
                failures.Add($"{method} {path} should name '{field}' and {limit}: {(int)response.Status} {response.Body[..Math.Min(400, response.Body.Length)]}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Length} values past their limit were not refused naming field and limit:\n{string.Join("\n", failures)}");
        var written = before.Differences(await TableSnapshot.TakeAsync(server));
        Assert.True(written.Count == 0, $"{written.Count} rows written:\n{string.Join("\n", written.Take(20))}");
    }
}
