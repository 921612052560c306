namespace Deployments.Cli.Tests;

/// <summary>The live view of a canary whose step gate is really measured: a Prometheus nobody runs makes it inconclusive.</summary>
public sealed class AnalysisLiveViewTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task A_step_gate_that_cannot_measure_is_shown_per_measurement_and_until_paused_exits_5_when_inconclusive()
    {
        await SampleApp.RunningAsync(server, "gated");
        var cli = new CliRunner(server);
        var file = Path.Combine(Directory.CreateTempSubdirectory("deployctl-template-").FullName, "unreachable.json");
        // Nothing listens on port 9, so every measurement is an error: the third in a row is over the limit of 2.
        await File.WriteAllTextAsync(file, """
            {"name":"unreachable","metrics":[{"name":"errors","provider":{"prometheus":{"address":"http://127.0.0.1:9","query":"vector(1)"}},
              "interval":"1s","count":5,"success_condition":"result[0] < 0.05","consecutive_error_limit":2}]}
            """, TestContext.Current.CancellationToken);
        var created = await cli.RunAsync("templates", "create", "--file", file);
        Assert.True(created.ExitCode == ExitCodes.Success, created.ToString());

        var deployed = await cli.RunOnTerminalAsync(SampleApp.DeployV2("gated", "--step", "50", "--step-analysis", "unreachable", "--until-paused"));

        Assert.True(deployed.ExitCode == ExitCodes.WaitingForPromotion, deployed.ToString());
        Assert.Contains("Deployment is paused: analysis inconclusive", deployed.Output, StringComparison.Ordinal);
        Assert.Contains("Analysis step-1 (gate of step 1; unreachable): inconclusive", deployed.Output, StringComparison.Ordinal);
        Assert.Matches(@"errors\s+error error error\s+success: result\[0\] < 0\.05\s+3 of 5 every 1s\s+inconclusive", deployed.Output);
        var id = deployed.Output.Split("Following deployment ")[1][..36];

        var shown = await cli.RunAsync("analysis", id);
        var failed = await cli.RunAsync("fail", id, "--reason", "cannot measure", "--wait");

        Assert.True(shown.ExitCode == ExitCodes.Success, shown.ToString());
        Assert.Contains("Analysis step-1 (gate of step 1; unreachable): inconclusive", shown.Output, StringComparison.Ordinal);
        Assert.True(failed.ExitCode == ExitCodes.Failed, failed.ToString());
        Assert.Contains("| analysis step-1 inconclusive (errors error)", failed.Lines[^1], StringComparison.Ordinal);
    }
}
