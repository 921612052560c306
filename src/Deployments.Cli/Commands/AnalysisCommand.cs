using System.CommandLine;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Watch;

namespace Deployments.Cli.Commands;

/// <summary>deployctl analysis: a deployment's analysis runs once, as the live view shows them (status --watch follows them).</summary>
internal static class AnalysisCommand
{
    public static Command Create(Runner runner)
    {
        var command = Describe.Command("analysis", "Show a deployment's analysis runs: per metric its last values, conditions and verdict, and each run's verdict.",
            "deployctl analysis 1a2b3c4d");
        var deployment = DeploymentReadCommands.DeploymentArgument();
        command.Arguments.Add(deployment);
        return runner.Bind(command, async invocation =>
        {
            var id = await Resolve.DeploymentAsync(invocation, invocation.Value(deployment));
            var answer = await invocation.Client.GetAsync($"api/deployments/{id}/analysis", invocation.CancellationToken);
            if (invocation.Print.IsJson)
            {
                invocation.Print.Raw(answer.Body);
                return;
            }

            var analysis = AnalysisState.From(answer);
            if (analysis.Runs is not { Count: > 0 })
            {
                invocation.Print.Raw($"No analysis has run for deployment {id}.");
                return;
            }

            invocation.Print.Write(AnalysisSection.Render(analysis));
        });
    }
}
