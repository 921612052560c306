using System.CommandLine;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Http;
using Deployments.Cli.Output;
using Deployments.Cli.Watch;

namespace Deployments.Cli.Commands;

/// <summary>--wait and --until-paused: follow the deployment a command started or changed, and exit with its outcome.</summary>
internal sealed class FollowOptions(string waitDescription)
{
    public Option<bool> Wait { get; } = Describe.Flag("--wait", waitDescription, "-w");

    public Option<bool> UntilPaused { get; } = Describe.Flag("--until-paused", "Stop following, with exit code 5, once the rollout waits for a promotion, an approval or a resume");

    public void AddTo(Command command)
    {
        command.Options.Add(Wait);
        command.Options.Add(UntilPaused);
    }

    /// <summary>Prints the answer about a deployment, then follows it when asked; the exit code is its outcome when followed.</summary>
    public async Task<int> ShowAsync(Invocation invocation, ApiResult answer, Guid deploymentId)
    {
        var follow = invocation.Value(Wait) || invocation.Value(UntilPaused);
        if (!follow)
        {
            invocation.Print.Result(answer, DeploymentSummary.Render);
            return ExitCodes.Success;
        }

        if (!invocation.Print.IsJson)
        {
            invocation.Print.Raw($"Following deployment {deploymentId} (Ctrl+C stops following, not the deployment)");
        }

        return await FollowView.RunAsync(invocation, deploymentId, invocation.Value(UntilPaused));
    }
}
