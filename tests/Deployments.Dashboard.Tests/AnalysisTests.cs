using System.Text.RegularExpressions;
using Deployments.Dashboard.Tests.Infrastructure;
using StubPlatform;
using TestSupport;

namespace Deployments.Dashboard.Tests;

/// <summary>
/// Canary analysis in the dashboard against real runs: templates whose <c>web</c> metric reads a JSON endpoint the
/// test serves (<see cref="MetricEndpoint"/>), canaries of the sample service gated by them, the charts the
/// deployment page draws while they measure, and the decision an inconclusive run leaves to a person.
/// </summary>
public sealed class AnalysisTests(ServerFixture fixture, Browser browser) : IClassFixture<ServerFixture>
{
    private const string Inconclusive = "Deployment is paused: analysis inconclusive";
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task The_templates_page_lists_a_template_made_through_the_api_and_names_the_field_of_a_refused_one()
    {
        await CreateTemplateAsync("listed-latency", "http://127.0.0.1:9/metrics/latency");
        var page = await browser.NewPageAsync(server.BaseAddress);
        await page.SignInAsync(server.AdminKey());

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Analysis templates" }).ClickAsync();

        var list = page.GetByRole(AriaRole.Table, new() { Name = "Analysis templates" });
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "listed-latency" })).ToBeVisibleAsync();
        await Expect(list).ToContainTextAsync("success: result[0] < 0.05");
        await Expect(list).ToContainTextAsync("web · every 1s × 5");
        await page.AssertEveryControlLabelledAsync();
        var refused = """
            {"name": "refused", "metrics": [{"name": "error-rate", "provider": {"web": {"url": "http://127.0.0.1:9/metrics/x", "json_path": "$.value"}},
             "interval": "1s", "count": 5, "success_condition": "result[0] <"}]}
            """;
        await page.GetByLabel("Template (JSON)").FillAsync(refused);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create template" }).ClickAsync();
        await Expect(page.Locator("form.json-form").GetByRole(AriaRole.Alert)).ToContainTextAsync("metrics[0].success_condition");
        await Screenshots.TakeAtBothWidthsAsync(page, "analysis-templates");

        await list.GetByRole(AriaRole.Link, new() { Name = "listed-latency" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Analysis template listed-latency" })).ToBeVisibleAsync();
        var metrics = page.GetByRole(AriaRole.Table, new() { Name = "Metrics" });
        await Expect(metrics).ToContainTextAsync("web GET http://127.0.0.1:9/metrics/latency");
        var edited = (await page.GetByLabel("Metrics and arguments (JSON)").InputValueAsync()).Replace("\"count\": 5", "\"count\": 7", StringComparison.Ordinal);
        await page.GetByLabel("Metrics and arguments (JSON)").FillAsync(edited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(metrics).ToContainTextAsync("every 1s × 7");
        Assert.Equal(7, (await server.Api.GetAsync("/api/analysis-templates/listed-latency?namespace=default")).Expect(HttpStatusCode.OK)
            .GetProperty("metrics")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_step_analysis_is_charted_as_it_measures_with_its_thresholds_and_each_measurement_coloured_by_its_verdict()
    {
        await using var endpoint = await MetricEndpoint.StartAsync();
        endpoint.Answer("charted", 0.01);
        await CreateTemplateAsync("charted-error-rate", endpoint.UrlOf("charted"));
        var id = await StartCanaryAsync("charted", "charted-error-rate");
        var page = await browser.NewPageAsync(server.BaseAddress);
        await page.SignInAsync(server.AdminKey());

        await page.GotoAsync($"/#/deployments/{id}");

        await Expect(page.Locator(".steps .step .then").First).ToHaveTextAsync("then analysis (charted-error-rate)");
        var chart = page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^error-rate \\(web\\)") });
        await Polling.UntilAsync("the chart to show two measurements", _ => chart.Locator(".point").CountAsync(), count => count >= 2,
            Scenario.DefaultTimeout);
        // A new value while the run measures: the page shows it without a reload.
        endpoint.Answer("charted", 0.03);
        await Expect(chart.Locator(".point")).ToHaveCountAsync(5, new() { Timeout = DashboardSteps.RolloutTimeout });
        await Expect(chart.Locator(".point.phase-successful")).ToHaveCountAsync(5);
        await Expect(chart.Locator(".threshold-success")).ToHaveAttributeAsync("data-condition", "result[0] < 0.05");
        await Expect(chart.Locator(".threshold-success")).ToHaveAttributeAsync("data-value", "0.05");
        await Expect(chart.Locator(".threshold-failure")).ToHaveAttributeAsync("data-condition", "result[0] >= 0.5");
        await Expect(chart.Locator(".threshold-success text")).ToHaveTextAsync("success: result[0] < 0.05");
        await Expect(chart).ToHaveAttributeAsync("aria-label", new Regex("last value 0\\.03 \\(successful\\); 5 of 5 measurements"));
        var legend = page.GetByRole(AriaRole.Table, new() { Name = "Last values of error-rate" });
        await Expect(legend).ToContainTextAsync("0.03");
        await Expect(page.Locator("#analysis-run-step-1")).ToHaveAttributeAsync("data-phase", "successful", new() { Timeout = DashboardSteps.RolloutTimeout });
        await Expect(page.Locator("#summary")).ToHaveAttributeAsync("data-status", "successful", new() { Timeout = DashboardSteps.RolloutTimeout });
        await page.AssertEveryControlLabelledAsync();
        await Screenshots.TakeAtBothWidthsAsync(page, "deployment-analysis");

        var picture = await page.Locator("#analysis-run-step-1").ScreenshotAsync();
        await Screenshots.SaveToDocsAsync(picture, "images/analysis-chart.png");
    }

    [Fact]
    public async Task A_failed_analysis_is_charted_with_its_failing_measurement_above_the_threshold_and_its_reason()
    {
        await using var endpoint = await MetricEndpoint.StartAsync();
        endpoint.Answer("failing", 0.01);
        await CreateTemplateAsync("failing-error-rate", endpoint.UrlOf("failing"));
        var id = await StartCanaryAsync("failing", "failing-error-rate");
        var page = await browser.NewPageAsync(server.BaseAddress);
        await page.SignInAsync(server.AdminKey());

        await page.GotoAsync($"/#/deployments/{id}");

        var chart = page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^error-rate \\(web\\)") });
        await Polling.UntilAsync("the chart to show two measurements", _ => chart.Locator(".point").CountAsync(), count => count >= 2,
            Scenario.DefaultTimeout);
        // The bad revision shows: one measurement at or over the failure threshold fails the run (failure_limit 0).
        endpoint.Answer("failing", 0.6);
        var run = page.Locator("#analysis-run-step-1");
        await Expect(run).ToHaveAttributeAsync("data-phase", "failed", new() { Timeout = DashboardSteps.RolloutTimeout });
        await Expect(chart.Locator(".point.phase-failed")).ToHaveCountAsync(1);
        await Expect(run).ToContainTextAsync("metric error-rate measured 0.6");
        await Expect(page.Locator("#summary")).ToHaveAttributeAsync("data-status", "failed", new() { Timeout = DashboardSteps.RolloutTimeout });

        var picture = await run.ScreenshotAsync();
        await Screenshots.SaveToDocsAsync(picture, "images/analysis-chart-failed.png");
    }

    [Fact]
    public async Task An_inconclusive_analysis_waits_under_needs_attention_and_promoting_it_there_moves_the_rollout_on()
    {
        await using var endpoint = await MetricEndpoint.StartAsync();
        endpoint.Fail("flaky");
        await CreateTemplateAsync("flaky-error-rate", endpoint.UrlOf("flaky"), consecutiveErrorLimit: 1);
        var id = await StartCanaryAsync("flaky", "flaky-error-rate");
        await server.WaitForAsync(id, d => d.GetProperty("status_description").GetString()!.StartsWith(Inconclusive, StringComparison.Ordinal), "held by an inconclusive analysis");
        var run = (await server.Api.GetAsync($"/api/deployments/{id}/analysis")).Expect(HttpStatusCode.OK).GetProperty("runs")
            .EnumerateArray().Single(r => r.GetProperty("id").GetString() == "step-1");
        var page = await browser.NewPageAsync(server.BaseAddress);
        await page.SignInAsync(server.AdminKey());

        await page.GotoAsync($"/#/deployments/{id}");

        await Expect(page.Locator("#inconclusive-message")).ToContainTextAsync(run.GetProperty("message").GetString()!);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Promote all", Exact = true })).ToHaveClassAsync(new Regex("primary"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Fail", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^error-rate \\(web\\): last measurement #2 an error") }).Locator(".error-mark")).ToHaveCountAsync(2);

        await page.GotoAsync("/#/attention");
        var held = page.GetByRole(AriaRole.Table, new() { Name = "Analysis inconclusive" });
        var row = held.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = id.ToString()[..8] }) });
        await Expect(row).ToContainTextAsync("error-rate:");
        await Expect(row).ToContainTextAsync("(error)");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Fail {id.ToString()[..8]}" })).ToBeVisibleAsync();
        await page.AssertEveryControlLabelledAsync();
        await Screenshots.TakeAtBothWidthsAsync(page, "attention-inconclusive");
        await page.CommandAsync($"Promote {id.ToString()[..8]}");

        await server.WaitForStatusAsync(id, "successful");
        await page.ReloadAsync();
        await Expect(held).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Analysis inconclusive (0)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_recorded_analysis_is_drawn_with_a_line_per_series_its_numeric_thresholds_and_errors_on_the_time_axis()
    {
        // The page is fed a fixed deployment and analysis (no run needed), so every shape of measurement is drawn exactly.
        var id = Guid.NewGuid();
        var page = await browser.NewPageAsync(server.BaseAddress);
        await page.SignInAsync(server.AdminKey());
        await page.RouteAsync(new Regex($"/api/deployments/{id}(/[a-z]+)?(\\?.*)?$"), route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Headers = new Dictionary<string, string> { ["X-Modify-Index"] = "7" },
            Body = new Uri(route.Request.Url).AbsolutePath.Split('/')[^1] switch
            {
                "analysis" => RecordedAnalysis(id),
                "allocations" or "events" => "[]",
                _ => RecordedDeployment(id),
            },
        }));

        await page.GotoAsync($"/#/deployments/{id}");

        var chart = page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^latency \\(prometheus\\)") });
        await Expect(chart).ToHaveAttributeAsync("aria-label", new Regex("last value 0\\.08, 0\\.3 \\(failed\\); 4 of 6 measurements; metric failed"));
        await Expect(chart.Locator(".series")).ToHaveCountAsync(2);
        await Expect(chart.Locator(".series[data-series='1'] .point")).ToHaveCountAsync(3);
        await Expect(chart.Locator(".point.phase-failed")).ToHaveCountAsync(4);
        await Expect(chart.Locator(".error-mark")).ToHaveCountAsync(1);
        await Expect(chart.Locator(".threshold")).ToHaveCountAsync(3);
        await Expect(chart.Locator(".threshold-success")).ToHaveCountAsync(2);
        await Expect(chart.Locator(".threshold-success").Nth(1)).ToHaveAttributeAsync("data-condition", "0.5 > result[1]");
        await Expect(chart.Locator(".threshold-failure")).ToHaveAttributeAsync("data-value", "0.1");
        var legend = page.GetByRole(AriaRole.Table, new() { Name = "Last values of latency" });
        await Expect(legend.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(legend).ToContainTextAsync("result[1]");
        var computed = page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^saturation") });
        await Expect(computed.Locator(".threshold")).ToHaveCountAsync(0);
        await Expect(computed).ToHaveAttributeAsync("aria-label", new Regex("last measurement #1 an error \\(connection refused\\)"));
        await Expect(page.Locator("#analysis-run-step-1 .run-message")).ToHaveTextAsync("metric latency failed 2 times (limit 1)");
    }

    private static string RecordedDeployment(Guid id) => $$$"""
        {"id": "{{{id}}}", "app_id": "{{{Guid.Empty}}}", "namespace": "default", "status": "failed", "status_description": "Failed due to analysis",
         "revision": 2, "previous_revision": 1, "strategy": "canary", "kind": "rollout", "instant": false, "current_step": 1,
         "created_at": "2026-12-07T10:00:00Z", "created_by": "admin", "updated_at": "2026-12-07T10:00:09Z", "modify_index": 7,
         "groups": {"web": {"desired": 2, "placed": 1, "healthy": 1, "unhealthy": 0, "canaries": 1, "promoted": false}},
         "options": {"steps": [{"instance_weight": 50, "analysis": {"templates": ["latency"]}}, {"instance_weight": 100}]}}
        """;

    private static string RecordedAnalysis(Guid id) => $$"""
        {"deployment_id": "{{id}}", "runs": [{"id": "step-1", "kind": "step", "step": 1, "templates": ["latency"], "phase": "failed",
         "message": "metric latency failed 2 times (limit 1)", "started_at": "2026-12-07T10:00:00Z", "ended_at": "2026-12-07T10:00:09Z",
         "metrics": [
          {"name": "latency", "provider": "prometheus", "query": "histogram_quantile(0.99, rate(x[1m]))",
           "success_condition": "result[0] < 0.05 && 0.5 > result[1]", "failure_condition": "result[0] >= 0.1",
           "interval": "2s", "count": 6, "failure_limit": 1, "inconclusive_limit": 0, "consecutive_error_limit": 4, "phase": "failed",
           "measurements": [
            {"sequence": 1, "at": "2026-12-07T10:00:01Z", "value": [0.01, 0.2], "phase": "successful", "error": null},
            {"sequence": 2, "at": "2026-12-07T10:00:03Z", "value": [], "phase": "error", "error": "timed out"},
            {"sequence": 3, "at": "2026-12-07T10:00:05Z", "value": [0.12, 0.25], "phase": "failed", "error": null},
            {"sequence": 4, "at": "2026-12-07T10:00:07Z", "value": [0.08, 0.3], "phase": "failed", "error": null}]},
          {"name": "saturation", "provider": "web", "query": "http://127.0.0.1:9/saturation",
           "success_condition": "result[0] * 2 < 1", "failure_condition": null,
           "interval": "2s", "count": 6, "failure_limit": 0, "inconclusive_limit": 0, "consecutive_error_limit": 4, "phase": "running",
           "measurements": [{"sequence": 1, "at": "2026-12-07T10:00:01Z", "value": [], "phase": "error", "error": "connection refused"}]}]}]}
        """;

    /// <summary>One web metric, <c>error-rate</c>, measured every second five times: below 0.05 succeeds, 0.5 or more fails.</summary>
    private async Task CreateTemplateAsync(string name, string url, int consecutiveErrorLimit = 4) =>
        (await server.Api.PostAsync("/api/analysis-templates", new
        {
            name,
            @namespace = "default",
            metrics = new[]
            {
                new
                {
                    name = "error-rate",
                    provider = new { web = new { url, json_path = "$.value" } },
                    interval = "1s",
                    count = 5,
                    success_condition = "result[0] < 0.05",
                    failure_condition = "result[0] >= 0.5",
                    consecutive_error_limit = consecutiveErrorLimit,
                },
            },
        })).Expect(HttpStatusCode.Created);

    /// <summary>A two-instance canary whose first step (50 %) waits for the template's analysis, then 100 %.</summary>
    private async Task<Guid> StartCanaryAsync(string name, string template)
    {
        var app = await server.CreateSampleAppAsync(await server.CreateLocalClusterAsync(name), name, instances: 2);
        return (await server.DeployAsync(app, Scenario.FastOptions(
            new { instance_weight = 50, analysis = new { templates = new[] { template } } },
            new { instance_weight = 100 }), strategy: "canary", version: "v2")).GetProperty("id").GetGuid();
    }
}
