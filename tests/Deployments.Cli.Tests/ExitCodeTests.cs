namespace Deployments.Cli.Tests;

/// <summary>A CI step gates on deployctl's exit code: 5 while a canary waits for promotion, 3 once failed, 4 once cancelled.</summary>
public sealed class ExitCodeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task A_canary_waiting_for_promotion_exits_5_and_once_failed_its_watch_exits_3()
    {
        await SampleApp.RunningAsync(server, "to-fail");
        var cli = new CliRunner(server);
        var id = await WaitingCanaryAsync(cli, "to-fail");

        var failed = await cli.RunAsync("fail", id, "--reason", "error rate up");
        var watched = await cli.RunAsync("status", id, "--watch");

        Assert.True(failed.ExitCode == ExitCodes.Success, failed.ToString());
        Assert.True(watched.ExitCode == ExitCodes.Failed, watched.ToString());
        Assert.Contains("failed: Deployment marked as failed", watched.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_canary_exits_4_when_watched_by_id_prefix()
    {
        await SampleApp.RunningAsync(server, "to-cancel");
        var cli = new CliRunner(server);
        var id = await WaitingCanaryAsync(cli, "to-cancel");

        var cancelled = await cli.RunAsync("cancel", id);
        var watched = await cli.RunAsync("status", id.Replace("-", string.Empty, StringComparison.Ordinal)[..8], "--watch");

        Assert.True(cancelled.ExitCode == ExitCodes.Success, cancelled.ToString());
        Assert.True(watched.ExitCode == ExitCodes.Cancelled, watched.ToString());
        Assert.Contains("cancelled: Cancelled by user", watched.Lines[^1], StringComparison.Ordinal);
    }

    /// <summary>A canary at 50 % with no pause waits for a person: deploy --until-paused stops there with exit code 5.</summary>
    private static async Task<string> WaitingCanaryAsync(CliRunner cli, string app)
    {
        var result = await cli.RunAsync(SampleApp.DeployV2(app, "--step", "50", "--until-paused", "-o", "json"));
        Assert.True(result.ExitCode == ExitCodes.WaitingForPromotion, result.ToString());
        using var last = JsonDocument.Parse(result.Lines[^1]);
        Assert.StartsWith("Deployment is running but requires manual promotion", last.RootElement.GetProperty("status_description").GetString(), StringComparison.Ordinal);
        return last.RootElement.GetProperty("id").GetString()!;
    }
}
