namespace Deployments.Cli.Tests;

/// <summary>Following a rollout: the redrawn live view on a terminal, one line per change elsewhere, and a rollback by app name.</summary>
public sealed class LiveViewTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task Canary_deploy_with_wait_redraws_the_live_view_until_successful_then_rolls_back_by_app_name()
    {
        await SampleApp.RunningAsync(server, "live");
        var cli = new CliRunner(server);

        var deployed = await cli.RunOnTerminalAsync(SampleApp.DeployV2("live", "--step", "34:4s", "--wait"));

        Assert.True(deployed.ExitCode == ExitCodes.Success, deployed.ToString());
        var output = deployed.Output;
        Assert.Contains("Following deployment", output, StringComparison.Ordinal);
        Assert.Contains("step 1 of 1: [34%] > 100%", output, StringComparison.Ordinal);
        Assert.Contains("Deployment is paused for 4s after step 1 of 1", output, StringComparison.Ordinal);
        Assert.Contains("successful - Deployment completed successfully", output, StringComparison.Ordinal);
        Assert.Contains("step 1 of 1: 34% > [100%]", output, StringComparison.Ordinal);
        Assert.Contains("Groups", output, StringComparison.Ordinal);
        Assert.Contains("Allocations", output, StringComparison.Ordinal);
        Assert.Contains("Last events", output, StringComparison.Ordinal);
        Assert.Contains("healthy", output, StringComparison.Ordinal);
        Assert.Contains("admin", output, StringComparison.Ordinal);

        var rolledBack = await cli.RunAsync("rollback", "live", "--revision", "1", "--wait");

        Assert.True(rolledBack.ExitCode == ExitCodes.Success, rolledBack.ToString());
        Assert.Contains("successful: Deployment completed successfully", rolledBack.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_terminal_the_watch_prints_one_line_per_change_ending_with_the_outcome()
    {
        await SampleApp.RunningAsync(server, "lines");
        var cli = new CliRunner(server);

        var result = await cli.RunAsync(SampleApp.DeployV2("lines", "--wait"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var changes = result.Lines.Skip(1).ToList();
        Assert.True(changes.Count >= 2, result.ToString());
        Assert.Equal(changes.Count, changes.Distinct().Count());
        Assert.All(changes, line => Assert.Matches(@"^\[\d+:\d\d\] \w+: ", line));
        Assert.Contains(changes, line => line.Contains("running: Deployment is running", StringComparison.Ordinal));
        Assert.Matches(@"successful: Deployment completed successfully \| web desired 3 placed 3 healthy 3 unhealthy 0 \| system: ", changes[^1]);
        Assert.DoesNotContain('\u001b', result.Output);
    }
}
