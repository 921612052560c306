namespace Deployments.Cli.Tests;

/// <summary>-o json for scripts, refusals as readable lines, and profiles saved by login.</summary>
public sealed class OutputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Json_output_is_the_apis_json_and_parses_back_to_its_shape()
    {
        var app = await SampleApp.RunningAsync(server, "json");
        var deployment = (await server.Api.GetAsync($"/api/deployments?app_id={app}")).Json.GetProperty("deployments")[0];
        var id = deployment.GetProperty("id").GetString()!;
        var cli = new CliRunner(server);

        var status = await cli.RunAsync("status", id, "-o", "json");
        var list = await cli.RunAsync("list", "--app", "json", "-o", "json");
        var apps = await cli.RunAsync("apps", "list", "--output", "json");

        Assert.True(status.ExitCode == 0, status.ToString());
        var api = (await server.Api.GetAsync($"/api/deployments/{id}")).Json;
        using var printed = JsonDocument.Parse(status.Output);
        Assert.Equal(Names(api), Names(printed.RootElement));
        Assert.Equal(api.GetProperty("modify_index").GetInt64(), printed.RootElement.GetProperty("modify_index").GetInt64());
        Assert.Equal("successful", printed.RootElement.GetProperty("status").GetString());
        using var page = JsonDocument.Parse(list.Output);
        Assert.Equal(id, Assert.Single(page.RootElement.GetProperty("deployments").EnumerateArray()).GetProperty("id").GetString());
        using var appList = JsonDocument.Parse(apps.Output);
        Assert.Contains(appList.RootElement.GetProperty("apps").EnumerateArray(), a => a.GetProperty("id").GetGuid() == app);
    }

    [Fact]
    public async Task Deploy_with_labels_list_with_a_selector_and_status_show_the_labelled_deployment()
    {
        await SampleApp.RunningAsync(server, "labelled");
        var cli = new CliRunner(server);

        var deployed = await cli.RunAsync(SampleApp.DeployV2("labelled", "--label", "team=payments", "--annotation", "ticket=CHG-7", "--wait", "-o", "json"));
        Assert.True(deployed.ExitCode == 0, deployed.ToString());
        var list = await cli.RunAsync("list", "--app", "labelled", "--selector", "team=payments", "-o", "json");

        Assert.True(list.ExitCode == 0, list.ToString());
        using var page = JsonDocument.Parse(list.Output);
        var only = Assert.Single(page.RootElement.GetProperty("deployments").EnumerateArray());
        Assert.Equal("payments", only.GetProperty("metadata").GetProperty("labels").GetProperty("team").GetString());
        Assert.Equal("CHG-7", only.GetProperty("metadata").GetProperty("annotations").GetProperty("ticket").GetString());
        Assert.Equal(2, only.GetProperty("revision").GetInt32());
        var shown = await cli.RunOnTerminalAsync("status", only.GetProperty("id").GetString()!);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("team=payments", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_request_prints_the_problem_title_and_one_line_per_field_error()
    {
        await SampleApp.RunningAsync(server, "refused");
        var cli = new CliRunner(server);

        var result = await cli.RunAsync(SampleApp.DeployV2("refused", "--step", "150", "--step", "20"));

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Empty(result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^Error: .+ \(HTTP 400\)$", lines[0].TrimEnd());
        Assert.Contains(lines, line => line.StartsWith("  options.steps[0].instance_weight: must be between 1 and 100", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("  options.steps[1].instance_weight: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_deployment_is_a_404_line_not_a_stack_trace()
    {
        var cli = new CliRunner(server);

        var result = await cli.RunAsync("status", Guid.NewGuid().ToString());

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Matches(@"^Error: .+ \(HTTP 404\)", result.Error);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_saves_an_owner_only_profile_that_later_commands_use_and_never_prints_the_key()
    {
        var key = server.Http.DefaultRequestHeaders.GetValues("x-functions-key").Single();
        var cli = new CliRunner(server: null);

        var login = await cli.RunAsync("login", "--profile", "test", "--url", server.BaseAddress.ToString(), "--key", key);
        var listed = await cli.RunAsync("clusters", "list");
        var wrongKey = await cli.RunAsync("login", "--profile", "bad", "--url", server.BaseAddress.ToString(), "--key", "not-the-key-0123456789");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.DoesNotContain(key, login.Output + login.Error, StringComparison.Ordinal);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal(ExitCodes.Error, wrongKey.ExitCode);
        Assert.Contains("(HTTP 401)", wrongKey.Error, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.ProfilesPath));
        }

        using var saved = JsonDocument.Parse(await File.ReadAllTextAsync(cli.ProfilesPath, TestContext.Current.CancellationToken));
        Assert.Equal("test", saved.RootElement.GetProperty("current").GetString());
        Assert.False(saved.RootElement.GetProperty("profiles").TryGetProperty("bad", out _));
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
