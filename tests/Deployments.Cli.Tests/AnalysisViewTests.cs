using Deployments.Cli.Commands;
using Deployments.Cli.Watch;
using Spectre.Console.Testing;

namespace Deployments.Cli.Tests;

/// <summary>The analysis section of the live view and of 'deployctl analysis', rendered from fixed API answers without a server.</summary>
public sealed class AnalysisViewTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-07T15:00:40Z", System.Globalization.CultureInfo.InvariantCulture);

    private const string Deployment = """
        {"id":"6f1c2b3a-0000-4000-8000-000000000001","app_id":"6f1c2b3a-0000-4000-8000-000000000002","namespace":"default",
         "revision":2,"previous_revision":1,"strategy":"canary","kind":"deploy",
         "options":{"steps":[{"instance_weight":34,"analysis":{"templates":["error-rate"]}}],"progress_deadline":"10m","auto_promote":false,
                    "analysis":{"templates":["latency"],"args":{"threshold":"0.05"}}},
         "status":"running","status_description":"Deployment is paused: analysis inconclusive (step-1: error-rate had 2 inconclusive measurements)",
         "groups":{"web":{"desired":3,"placed":1,"healthy":1,"unhealthy":0,"canaries":1,"promoted":false}},
         "current_step":1,"total_steps":1,"created_by":"admin","created_at":"2026-12-07T15:00:00Z","updated_at":"2026-12-07T15:00:30Z",
         "modify_index":7,"awaiting_approval_for":null}
        """;

    private const string Analysis = """
        {"deployment_id":"6f1c2b3a-0000-4000-8000-000000000001","runs":[
          {"id":"step-1","kind":"step","step":1,"templates":["error-rate"],"phase":"inconclusive",
           "message":"error-rate had 2 inconclusive measurements, over its limit of 1",
           "started_at":"2026-12-07T15:00:05Z","ended_at":"2026-12-07T15:00:35Z",
           "metrics":[{"name":"error-rate","provider":"prometheus","query":"sum(rate(errors[1m]))","success_condition":"result[0] < 0.05",
             "failure_condition":"result[0] >= 0.5","interval":"5s","count":6,"failure_limit":1,"inconclusive_limit":1,"consecutive_error_limit":3,
             "phase":"inconclusive","measurements":[
               {"sequence":1,"at":"2026-12-07T15:00:05Z","value":[0.0111],"phase":"successful","error":null},
               {"sequence":2,"at":"2026-12-07T15:00:10Z","value":[0.0222],"phase":"successful","error":null},
               {"sequence":3,"at":"2026-12-07T15:00:15Z","value":[0.0333],"phase":"successful","error":null},
               {"sequence":4,"at":"2026-12-07T15:00:20Z","value":[0.07],"phase":"inconclusive","error":null},
               {"sequence":5,"at":"2026-12-07T15:00:25Z","value":[],"phase":"error","error":"connection refused"},
               {"sequence":6,"at":"2026-12-07T15:00:30Z","value":[0.08,0.09],"phase":"inconclusive","error":null}]}]},
          {"id":"background","kind":"background","step":null,"templates":["latency"],"phase":"running","message":null,
           "started_at":"2026-12-07T15:00:05Z","ended_at":null,
           "metrics":[{"name":"p99-latency","provider":"web","query":"http://127.0.0.1:9/latency","success_condition":null,
             "failure_condition":"result[0] > 250","interval":"10s","count":null,"failure_limit":0,"inconclusive_limit":0,"consecutive_error_limit":4,
             "phase":"running","measurements":[]}]}]}
        """;

    [Fact]
    public void The_frame_shows_each_metric_with_its_last_five_values_conditions_and_verdict_and_each_run_with_its_message()
    {
        var output = Rendered(DeploymentFrame.Render(Snapshot(), Now));

        Assert.Contains("Analysis step-1 (gate of step 1; error-rate): inconclusive", output, StringComparison.Ordinal);
        Assert.Contains("error-rate had 2 inconclusive measurements, over its limit of 1", output, StringComparison.Ordinal);
        Assert.Matches(@"error-rate\s+0\.0222 0\.0333 0\.07 error \[0\.08,0\.09\]\s+success: result\[0\] < 0\.05\s+6 of 6 every 5s\s+inconclusive", output);
        Assert.DoesNotContain("0.0111", output, StringComparison.Ordinal);
        Assert.Contains("failure: result[0] >= 0.5", output, StringComparison.Ordinal);
        Assert.Contains("Analysis background (latency): running", output, StringComparison.Ordinal);
        Assert.Matches(@"p99-latency\s+none yet\s+failure: result\[0\] > 250\s+0 every 10s\s+running", output);
    }

    [Fact]
    public void The_frame_of_a_deployment_without_analysis_has_no_analysis_section()
    {
        var snapshot = Snapshot() with { Analysis = null };

        var output = Rendered(DeploymentFrame.Render(snapshot, Now));

        Assert.DoesNotContain("Analysis", output, StringComparison.Ordinal);
        Assert.Contains("Groups", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_per_change_ends_each_run_with_its_metrics_last_value_and_verdict()
    {
        var line = DeploymentLine.Format(Snapshot(), Now);

        Assert.Contains("| analysis step-1 inconclusive (error-rate [0.08,0.09]): error-rate had 2 inconclusive measurements, over its limit of 1", line, StringComparison.Ordinal);
        Assert.Contains("| analysis background running (p99-latency)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deployment_held_by_an_inconclusive_analysis_waits_for_a_person_and_until_paused_exits_5()
    {
        var deployment = Snapshot().Deployment;

        Assert.True(deployment.HasAnalysis);
        Assert.Equal(ExitCodes.WaitingForPromotion, Outcome.ExitCode(deployment, untilPaused: true));
        Assert.Null(Outcome.ExitCode(deployment, untilPaused: false));
    }

    [Theory]
    [InlineData("error-rate", null, "error-rate")]
    [InlineData("2:latency", 2, "latency")]
    public void A_step_analysis_gates_every_step_or_the_one_it_names(string value, int? step, string template)
    {
        Assert.Equal((step, template), AnalysisOptions.Parse(value));
    }

    [Theory]
    [InlineData("0:latency")]
    [InlineData("two:latency")]
    [InlineData("2:")]
    public void A_step_analysis_with_a_malformed_step_is_a_usage_error(string value)
    {
        Assert.Throws<Deployments.Cli.CommandLine.UsageException>(() => AnalysisOptions.Parse(value));
    }

    private static DeploymentSnapshot Snapshot() =>
        new(JsonSerializer.Deserialize<WatchedDeployment>(Deployment, CliJson.Options)!, [], [], Deployment, AnalysisState.From(Analysis));

    private static string Rendered(Spectre.Console.Rendering.IRenderable renderable)
    {
        var console = new TestConsole().Width(200);
        console.Write(renderable);
        return console.Output;
    }
}
