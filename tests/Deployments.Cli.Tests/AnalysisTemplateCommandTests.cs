using System.Net;

namespace Deployments.Cli.Tests;

/// <summary>Analysis templates from JSON files through deployctl, and deploy's flags that attach them to a canary.</summary>
public sealed class AnalysisTemplateCommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task A_template_created_from_a_file_is_read_listed_updated_and_deleted()
    {
        var cli = new CliRunner(server);
        var file = TemplateFile("lifecycle", "result[0] < 0.05");

        var created = await cli.RunAsync("analysis-templates", "create", "--file", file, "-n", "analysis-crud");
        var got = await cli.RunAsync("analysis-templates", "get", "lifecycle", "-n", "analysis-crud", "-o", "json");
        var shown = await cli.RunAsync("templates", "get", "lifecycle", "-n", "analysis-crud");
        var listed = await cli.RunAsync("analysis-templates", "list", "-n", "analysis-crud");

        Assert.True(created.ExitCode == ExitCodes.Success, created.ToString());
        Assert.True(got.ExitCode == ExitCodes.Success, got.ToString());
        using (var template = JsonDocument.Parse(got.Output))
        {
            Assert.Equal("analysis-crud", template.RootElement.GetProperty("namespace").GetString());
            var metric = template.RootElement.GetProperty("metrics")[0];
            Assert.Equal("result[0] < 0.05", metric.GetProperty("success_condition").GetString());
            Assert.Equal("http://127.0.0.1:9", metric.GetProperty("provider").GetProperty("prometheus").GetProperty("address").GetString());
        }

        Assert.Contains("success: result[0] < 0.05", shown.Output, StringComparison.Ordinal);
        Assert.Matches(@"lifecycle\s+analysis-crud\s+lifecycle\s+threshold=0\.05", listed.Output);

        // What 'get -o json' printed, edited and sent back: the server's own fields do not get in the way.
        var edited = got.Output.Replace("result[0] < 0.05", "result[0] < 0.01", StringComparison.Ordinal);
        var editedFile = Path.Combine(Path.GetDirectoryName(file)!, "edited.json");
        await File.WriteAllTextAsync(editedFile, edited, TestContext.Current.CancellationToken);
        var updated = await cli.RunAsync("analysis-templates", "update", "lifecycle", "--file", editedFile, "-n", "analysis-crud");
        var afterUpdate = await server.Api.GetAsync("/api/analysis-templates/lifecycle?namespace=analysis-crud");
        var deleted = await cli.RunAsync("analysis-templates", "delete", "lifecycle", "-n", "analysis-crud");
        var afterDelete = await server.Api.GetAsync("/api/analysis-templates/lifecycle?namespace=analysis-crud");

        Assert.True(updated.ExitCode == ExitCodes.Success, updated.ToString());
        Assert.Equal("result[0] < 0.01", afterUpdate.Json.GetProperty("metrics")[0].GetProperty("success_condition").GetString());
        Assert.True(deleted.ExitCode == ExitCodes.Success, deleted.ToString());
        Assert.Contains("Deleted template lifecycle.", deleted.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.Status);
    }

    [Fact]
    public async Task A_template_with_an_invalid_condition_prints_the_problem_naming_the_field_and_exits_1()
    {
        var cli = new CliRunner(server);

        var result = await cli.RunAsync("analysis-templates", "create", "--file", TemplateFile("broken", "result[0] <"));

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Empty(result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^Error: .+ \(HTTP 400\)$", lines[0].TrimEnd());
        Assert.Contains(lines, line => line.StartsWith("  metrics[0].success_condition: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_template_given_on_stdin_is_created_in_the_namespace_named_on_the_command_line()
    {
        var cli = new CliRunner(server) { Stdin = await File.ReadAllTextAsync(TemplateFile("piped", "result[0] < 0.05"), TestContext.Current.CancellationToken) };

        var created = await cli.RunAsync("analysis-templates", "create", "--file", "-", "--namespace", "analysis-piped", "-o", "json");

        Assert.True(created.ExitCode == ExitCodes.Success, created.ToString());
        (await server.Api.GetAsync("/api/analysis-templates/piped?namespace=analysis-piped")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_template_file_that_is_not_json_is_a_usage_error_naming_the_file()
    {
        var cli = new CliRunner(server);
        var file = Path.Combine(Directory.CreateTempSubdirectory("deployctl-template-").FullName, "not.json");
        await File.WriteAllTextAsync(file, "metrics: []", TestContext.Current.CancellationToken);

        var result = await cli.RunAsync("analysis-templates", "create", "--file", file);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith($"Error: --file {file} is not JSON", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_with_step_and_background_analysis_sends_the_gates_with_their_arguments()
    {
        await SampleApp.RunningAsync(server, "analysed");
        var cli = new CliRunner(server);
        foreach (var name in new[] { "error-rate", "latency" })
        {
            var created = await cli.RunAsync("analysis-templates", "create", "--file", TemplateFile(name, "result[0] < 0.05"));
            Assert.True(created.ExitCode == ExitCodes.Success, created.ToString());
        }

        var deployed = await cli.RunAsync(SampleApp.DeployV2("analysed", "--step", "34", "--step", "67",
            "--step-analysis", "error-rate", "--step-analysis", "2:latency", "--analysis", "latency", "--analysis-arg", "threshold=0.01", "-o", "json"));

        Assert.True(deployed.ExitCode == ExitCodes.Success, deployed.ToString());
        using var printed = JsonDocument.Parse(deployed.Output);
        var id = printed.RootElement.GetProperty("id").GetString()!;
        var options = (await server.Api.GetAsync($"/api/deployments/{id}")).Expect(HttpStatusCode.OK).GetProperty("options");
        var steps = options.GetProperty("steps");
        Assert.Equal("error-rate", Templates(steps[0].GetProperty("analysis")));
        Assert.Equal("error-rate,latency", Templates(steps[1].GetProperty("analysis")));
        Assert.Equal("0.01", steps[0].GetProperty("analysis").GetProperty("args").GetProperty("threshold").GetString());
        Assert.Equal("latency", Templates(options.GetProperty("analysis")));
        Assert.Equal("0.01", options.GetProperty("analysis").GetProperty("args").GetProperty("threshold").GetString());

        var analysis = await cli.RunAsync("analysis", id, "-o", "json");

        Assert.True(analysis.ExitCode == ExitCodes.Success, analysis.ToString());
        using var report = JsonDocument.Parse(analysis.Output);
        Assert.Equal(id, report.RootElement.GetProperty("deployment_id").GetString());

        // Ends the rollout so its instances stop with the test; it may have ended on its own already, which is as good.
        await cli.RunAsync("cancel", id);
    }

    [Fact]
    public async Task Step_analysis_without_steps_is_a_usage_error_before_anything_is_sent()
    {
        var app = await SampleApp.RunningAsync(server, "unstepped");
        var cli = new CliRunner(server);

        var result = await cli.RunAsync(SampleApp.DeployV2("unstepped", "--step-analysis", "error-rate"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("Error: --step-analysis gates canary steps", result.Error, StringComparison.Ordinal);
        var listed = (await server.Api.GetAsync($"/api/deployments?app_id={app}")).Expect(HttpStatusCode.OK).GetProperty("deployments");
        Assert.Equal(1, listed.GetArrayLength());
    }

    private static string Templates(JsonElement gate) => string.Join(",", gate.GetProperty("templates").EnumerateArray().Select(t => t.GetString()));

    /// <summary>A template file as the quick start writes one: a Prometheus metric (nothing listens at its address) and one declared argument.</summary>
    private static string TemplateFile(string name, string successCondition)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("deployctl-template-").FullName, $"{name}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            name,
            metrics = new[]
            {
                new Dictionary<string, object>
                {
                    ["name"] = name,
                    ["provider"] = new { prometheus = new { address = "http://127.0.0.1:9", query = "sum(rate(http_errors_total[1m]))" } },
                    ["interval"] = "5s",
                    ["count"] = 6,
                    ["success_condition"] = successCondition,
                    ["failure_limit"] = 1,
                },
            },
            args = new[] { new { name = "threshold", value = "0.05" } },
        }));
        return file;
    }
}
