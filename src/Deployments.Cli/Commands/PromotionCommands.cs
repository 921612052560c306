using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;

namespace Deployments.Cli.Commands;

/// <summary>Work that starts another deployment: rollback of an app, promotion of a deployment to another cluster.</summary>
internal static class PromotionCommands
{
    public static Command Rollback(Runner runner)
    {
        var command = Describe.Command("rollback", "Roll an app back to a revision (default: the last stable one before the current).", "deployctl rollback sample --revision 1 --wait");
        var app = Describe.Argument<string>("app", "The app's name (in --namespace) or id", "sample");
        var revision = Describe.Option<int?>("--revision", "The revision to go back to", "--revision 1");
        var reason = Describe.Option<string?>("--reason", "Why, recorded on the timeline", "--reason \"v2 leaks memory\"");
        var follow = new FollowOptions("Follow the rollback live until it ends, exiting with its outcome");
        command.Arguments.Add(app);
        command.Options.Add(revision);
        command.Options.Add(reason);
        follow.AddTo(command);
        return runner.Bind(command, async invocation =>
        {
            var id = await Resolve.AppAsync(invocation, invocation.Value(app));
            var body = new JsonObject();
            DeployCommand.Set(body, "revision", invocation.Value(revision));
            DeployCommand.Set(body, "reason", invocation.Value(reason));
            var started = await invocation.Client.PostAsync($"api/apps/{id}/rollback", body, invocation.CancellationToken);
            return await follow.ShowAsync(invocation, started, started.Json.GetProperty("id").GetGuid());
        });
    }

    public static Command PromoteToCluster(Runner runner)
    {
        var command = Describe.Command("promote-to-cluster", "Run a deployment's revision as a new app on another cluster, with overrides.",
            "deployctl promote-to-cluster 1a2b3c4d --cluster eu-prod --name sample-eu --env REGION=eu --wait");
        var deployment = DeploymentReadCommands.DeploymentArgument();
        var cluster = Describe.Option<string>("--cluster", "The target cluster's name or id", "--cluster eu-prod");
        cluster.Required = true;
        var name = Describe.Option<string?>("--name", "The new app's name (default: the source app's)", "--name sample-eu");
        var deleteSource = Describe.Flag("--delete-source", "Delete the source app once the new one is running");
        var overrides = new RevisionOptions();
        var follow = new FollowOptions("Follow the new deployment live until it ends, exiting with its outcome");
        command.Arguments.Add(deployment);
        command.Options.Add(cluster);
        command.Options.Add(name);
        command.Options.Add(deleteSource);
        overrides.AddTo(command);
        follow.AddTo(command);
        return runner.Bind(command, async invocation =>
        {
            var id = await Resolve.DeploymentAsync(invocation, invocation.Value(deployment));
            var body = new JsonObject { ["target_cluster_id"] = (await Resolve.ClusterAsync(invocation, invocation.Value(cluster)!)).ToString() };
            DeployCommand.Set(body, "new_name", invocation.Value(name));
            if (invocation.Value(deleteSource))
            {
                body["delete_source"] = true;
            }

            if (overrides.Given(invocation))
            {
                body["overrides"] = overrides.WriteTo(new JsonObject(), invocation);
            }

            var accepted = await invocation.Client.PostAsync($"api/deployments/{id}/promote-to-cluster", body, invocation.CancellationToken);
            var newDeployment = accepted.Json.GetProperty("new_deployment_id").GetGuid();
            if (!invocation.Value(follow.Wait) && !invocation.Value(follow.UntilPaused))
            {
                invocation.Print.Done(accepted, $"{accepted.Json.Str("message")} New deployment: {newDeployment}");
                return ExitCodes.Success;
            }

            return await FollowAsync(invocation, follow, newDeployment);
        });
    }

    /// <summary>Follows a deployment another command started (its answer was not the deployment itself).</summary>
    public static async Task<int> FollowAsync(Invocation invocation, FollowOptions follow, Guid deploymentId)
    {
        var current = await invocation.Client.GetAsync($"api/deployments/{deploymentId}", invocation.CancellationToken);
        return await follow.ShowAsync(invocation, current, deploymentId);
    }
}
