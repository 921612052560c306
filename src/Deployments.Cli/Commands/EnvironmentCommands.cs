using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;

namespace Deployments.Cli.Commands;

/// <summary>deployctl env: named stages of a namespace, and promotion of a deployment into one.</summary>
internal static class EnvironmentCommands
{
    public static Command Create(Runner runner)
    {
        var resource = new CatalogResource("environment", "api/environments", "environments", CatalogCommands.AsIs,
            [("name", e => e.Str("name")), ("namespace", e => e.Str("namespace")), ("order", e => e.Str("order")), ("cluster", e => e.Str("cluster_id")),
             ("approval", e => e.Str("requires_approval")), ("live deployment", e => e.Str("live_deployment_id"))]);
        var name = CatalogCommands.NameArgument("environment", "staging");
        var cluster = Describe.Option<string>("--cluster", "Its cluster (name or id)", "--cluster local");
        cluster.Required = true;
        var order = Describe.Option<int?>("--order", "Its place among the namespace's environments", "--order 2");
        var approval = Describe.Flag("--requires-approval", "Promotions into it wait for an approve");
        var expiry = Describe.Option<string?>("--approval-expiry", "How long an approval may be awaited", "--approval-expiry 24h");
        var create = new CatalogWrite("Create an environment.", "deployctl env create prod --cluster local --order 3 --requires-approval",
            [name, cluster, order, approval, expiry], async invocation =>
            {
                var body = new JsonObject { ["name"] = invocation.Value(name), ["cluster_id"] = (await Resolve.ClusterAsync(invocation, invocation.Value(cluster)!)).ToString() }.WithNamespace(invocation);
                DeployCommand.Set(body, "order", invocation.Value(order));
                if (invocation.Value(approval))
                {
                    body["requires_approval"] = true;
                }

                DeployCommand.Set(body, "approval_expiry", invocation.Value(expiry));
                return body;
            });

        var newCluster = Describe.Option<string?>("--cluster", "A new cluster (name or id)", "--cluster eu-prod");
        var newOrder = Describe.Option<int?>("--order", "A new order", "--order 4");
        var newApproval = Describe.Option<bool?>("--requires-approval", "Whether promotions wait for an approve", "--requires-approval false");
        var newExpiry = Describe.Option<string?>("--approval-expiry", "A new approval expiry", "--approval-expiry 12h");
        var update = new CatalogWrite("Change an environment.", "deployctl env update prod --requires-approval false", [newCluster, newOrder, newApproval, newExpiry], async invocation =>
        {
            var body = new JsonObject();
            if (invocation.Value(newCluster) is { } c)
            {
                body["cluster_id"] = (await Resolve.ClusterAsync(invocation, c)).ToString();
            }

            DeployCommand.Set(body, "order", invocation.Value(newOrder));
            DeployCommand.Set(body, "requires_approval", invocation.Value(newApproval));
            DeployCommand.Set(body, "approval_expiry", invocation.Value(newExpiry));
            return body;
        });

        return CatalogCommands.Group(runner, "env", resource, "Manage environments and promote deployments into them.", create, update, Promote(runner, resource));
    }

    private static Command Promote(Runner runner, CatalogResource resource)
    {
        var command = Describe.Command("promote", "Make a successful deployment the live one of an environment (waits for approval where required).",
            "deployctl env promote prod --deployment 1a2b3c4d");
        var deployment = Describe.Option<string>("--deployment", "The deployment to make live (id or prefix)", "--deployment 1a2b3c4d");
        deployment.Required = true;
        var keep = Describe.Flag("--keep-previous", "Leave the previous live deployment running");
        var follow = new FollowOptions("Follow the deployment until its approval is decided and it ends");
        command.Options.Add(deployment);
        command.Options.Add(keep);
        follow.AddTo(command);
        return CatalogCommands.ById(runner, resource, command, async (invocation, environment) =>
        {
            var id = await Resolve.DeploymentAsync(invocation, invocation.Value(deployment)!);
            var body = new JsonObject { ["deployment_id"] = id.ToString(), ["scale_down_previous_deployment"] = !invocation.Value(keep) };
            var answer = await invocation.Client.PostAsync($"api/environments/{environment}/promote{invocation.NamespaceQuery}", body, invocation.CancellationToken);
            if (invocation.Value(follow.Wait) || invocation.Value(follow.UntilPaused))
            {
                return await PromotionCommands.FollowAsync(invocation, follow, id);
            }

            invocation.Print.Done(answer, answer.Json.Str("message"));
            return ExitCodes.Success;
        });
    }
}
