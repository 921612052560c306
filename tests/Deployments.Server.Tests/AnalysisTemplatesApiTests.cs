namespace Deployments.Server.Tests;

public sealed class AnalysisTemplatesApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task AnalysisTemplate_CreateReadListUpdateDelete_InItsNamespace()
    {
        var created = await server.Api.PostAsync("/api/analysis-templates", Template("error-rate", @namespace: "team-a"));
        var template = created.Expect(HttpStatusCode.Created);
        Assert.Equal("/api/analysis-templates/error-rate?namespace=team-a", created.Location);
        var metric = template.GetProperty("metrics")[0];
        Assert.Equal(("5s", 3, "result[0] < 0.05"), (metric.GetProperty("interval").GetString(), metric.GetProperty("count").GetInt32(), metric.GetProperty("success_condition").GetString()));
        Assert.Equal("up{app=\"{{app}}\"}", metric.GetProperty("provider").GetProperty("prometheus").GetProperty("query").GetString());
        Assert.False(metric.GetProperty("provider").TryGetProperty("kind", out _), "the provider's kind is derived, never a field");

        (await server.Api.GetAsync(created.Location!)).Expect(HttpStatusCode.OK);
        (await server.Api.GetAsync("/api/analysis-templates/error-rate")).IsProblem(HttpStatusCode.NotFound);
        var listed = (await server.Api.GetAsync("/api/analysis-templates?namespace=team-a")).Expect(HttpStatusCode.OK).GetProperty("analysis_templates");
        Assert.Equal("error-rate", Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());

        var patched = (await server.Api.PatchAsync("/api/analysis-templates/error-rate?namespace=team-a", new { args = new[] { new { name = "threshold", value = "0.1" } } }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("threshold", patched.GetProperty("args")[0].GetProperty("name").GetString());
        Assert.Equal(1, patched.GetProperty("metrics").GetArrayLength());

        (await server.Api.DeleteAsync("/api/analysis-templates/error-rate?namespace=team-a")).Expect(HttpStatusCode.NoContent);
        (await server.Api.GetAsync("/api/analysis-templates/error-rate?namespace=team-a")).IsProblem(HttpStatusCode.NotFound);
        (await server.Api.DeleteAsync("/api/analysis-templates/error-rate?namespace=team-a")).IsProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("name", "Not Valid", null, null)]
    [InlineData("metrics[0].interval", null, "interval", "0s")]
    [InlineData("metrics[0].count", null, "count", "0")]
    [InlineData("metrics[0].failure_limit", null, "failure_limit", "-1")]
    [InlineData("metrics[0].provider.prometheus.address", null, "address", "ftp://metrics")]
    [InlineData("metrics[0].provider.prometheus.query", null, "query", "rate(x{app=\"{{nobody}}\"}[1m])")]
    [InlineData("metrics[0].success_condition", null, "success_condition", "result[0] <")]
    [InlineData("metrics[0].success_condition", null, "success_condition", "result.GetType() != null")]
    [InlineData("metrics[0].failure_condition", null, "failure_condition", "System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("metrics[0].success_condition", null, "success_condition", "result[0] + 1")]
    public async Task AnalysisTemplate_WhenInvalid_IsRefusedNamingTheField(string field, string? name, string? property, string? value)
    {
        var body = Template(name ?? "bad", metricChange: property switch
        {
            null => null,
            "address" => metric => metric["provider"] = new { prometheus = new { address = value, query = "up" } },
            "query" => metric => metric["provider"] = new { prometheus = new { address = "http://127.0.0.1:9090", query = value } },
            _ => metric => metric[property] = Parse(value!),
        });

        (await server.Api.PostAsync("/api/analysis-templates", body)).IsProblem(HttpStatusCode.BadRequest, field);
        (await server.Api.GetAsync($"/api/analysis-templates/{name ?? "bad"}")).IsProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnalysisTemplate_WithoutMetricsOrWithTwoProviders_IsRefused()
    {
        (await server.Api.PostAsync("/api/analysis-templates", new { name = "empty", metrics = Array.Empty<object>() })).IsProblem(HttpStatusCode.BadRequest, "metrics");
        var both = Template("both", metricChange: m => m["provider"] = new Dictionary<string, object>
        {
            ["prometheus"] = new { address = "http://127.0.0.1:9090", query = "up" },
            ["web"] = new { url = "http://127.0.0.1:1/x", json_path = "$.v" },
        });
        (await server.Api.PostAsync("/api/analysis-templates", both)).IsProblem(HttpStatusCode.BadRequest, "metrics[0].provider");
        (await server.Api.PostAsync("/api/analysis-templates", Template("taken"))).Expect(HttpStatusCode.Created);
        (await server.Api.PostAsync("/api/analysis-templates", Template("taken"))).IsProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Deployment_NamingAMissingTemplateOrLeavingAnArgumentUnfilled_IsRefusedBeforeAnythingIsWritten()
    {
        var cluster = await server.CreateLocalClusterAsync("analysis-refusals");
        var app = await server.CreateSampleAppAsync(cluster, "analysed", instances: 2);
        var needsArg = Template("needs-threshold", metricChange: m => m["success_condition"] = "result[0] < 1");
        needsArg["args"] = new[] { new { name = "threshold" } };
        (await server.Api.PostAsync("/api/analysis-templates", needsArg)).Expect(HttpStatusCode.Created);

        var missing = await server.Api.PostAsync("/api/deployments", new
        {
            app_id = app,
            strategy = "canary",
            options = new { steps = new object[] { new { instance_weight = 50, analysis = new { templates = new[] { "nowhere" } } }, new { instance_weight = 100 } } },
        });
        missing.IsProblem(HttpStatusCode.BadRequest, "options.steps[0].analysis.templates[0]");
        var unfilled = await server.Api.PostAsync("/api/deployments", new
        {
            app_id = app,
            strategy = "canary",
            options = new { steps = new object[] { new { instance_weight = 50 } }, analysis = new { templates = new[] { "needs-threshold" } } },
        });
        unfilled.IsProblem(HttpStatusCode.BadRequest, "options.analysis.args.threshold");
        var rolling = await server.Api.PostAsync("/api/deployments", new { app_id = app, strategy = "rolling", options = new { analysis = new { templates = new[] { "needs-threshold" } } } });
        rolling.IsProblem(HttpStatusCode.BadRequest, "options.analysis");

        var list = (await server.Api.GetAsync($"/api/deployments?app_id={app}")).Expect(HttpStatusCode.OK).GetProperty("deployments");
        Assert.Equal(0, list.GetArrayLength());
    }

    private static Dictionary<string, object?> Template(string name, string? @namespace = null, Action<Dictionary<string, object?>>? metricChange = null)
    {
        var metric = new Dictionary<string, object?>
        {
            ["name"] = "errors",
            ["provider"] = new { prometheus = new { address = "http://127.0.0.1:9090", query = "up{app=\"{{app}}\"}" } },
            ["interval"] = "5s",
            ["count"] = 3,
            ["success_condition"] = "result[0] < 0.05",
        };
        metricChange?.Invoke(metric);
        var template = new Dictionary<string, object?> { ["name"] = name, ["metrics"] = new[] { metric } };
        if (@namespace is not null)
        {
            template["namespace"] = @namespace;
        }

        return template;
    }

    private static object Parse(string value) => int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : value;
}
