using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;

namespace Deployments.Cli.Commands;

/// <summary>
/// The commands on a running deployment (promote, continue, pause, resume, fail, cancel, health, approve,
/// reject), each answered with the updated deployment; --wait follows it afterwards.
/// </summary>
internal static class DeploymentControlCommands
{
    public static IEnumerable<Command> Create(Runner runner)
    {
        var groups = Describe.Repeated("--group", "Promote only this group (the others keep their canaries)", "--group web");
        yield return Control(runner, "promote", "promote", "Promote a canary: all groups to the new revision, or only the --group ones.", "deployctl promote 1a2b3c4d --wait",
            [groups], invocation => invocation.Value(groups)!.Length == 0
                ? new JsonObject { ["all"] = true }
                : new JsonObject { ["groups"] = new JsonArray([.. invocation.Value(groups)!.Select(g => JsonValue.Create(g))]) });
        yield return Control(runner, "continue", "continue", "Continue a canary to its next step.", "deployctl continue 1a2b3c4d", [], _ => null);
        yield return Control(runner, "pause", "pause", "Pause a rollout at its next wait (paused time does not count against the deadline).", "deployctl pause 1a2b3c4d", [], _ => null);
        yield return Control(runner, "resume", "pause", "Resume a paused rollout.", "deployctl resume 1a2b3c4d --wait", [], _ => new JsonObject { ["pause"] = false });

        var reason = Describe.Option<string?>("--reason", "Why, recorded on the timeline", "--reason \"error rate up\"");
        yield return Control(runner, "fail", "fail", "Mark a rollout failed (rolled back when it has auto-revert).", "deployctl fail 1a2b3c4d --reason \"error rate up\"", [reason], Reason(reason));
        yield return Control(runner, "cancel", "cancel", "Cancel a rollout: the previous revision is restored and new instances removed.", "deployctl cancel 1a2b3c4d", [reason], Reason(reason));
        yield return Control(runner, "approve", "approve", "Approve a promotion that waits for an approval.", "deployctl approve 1a2b3c4d --reason \"change CHG-42\"", [reason], Reason(reason));
        yield return Control(runner, "reject", "reject", "Reject a promotion that waits for an approval.", "deployctl reject 1a2b3c4d --reason \"not this week\"", [reason], Reason(reason));

        var healthy = Describe.Repeated("--healthy", "An allocation id to mark healthy", "--healthy 5e6f7a8b-...");
        var unhealthy = Describe.Repeated("--unhealthy", "An allocation id to mark unhealthy", "--unhealthy 5e6f7a8b-...");
        yield return Control(runner, "health", "allocation-health", "Set allocations' health by hand (deployments with --manual-health).",
            "deployctl health 1a2b3c4d --healthy 5e6f7a8b-... --unhealthy 9c0d1e2f-...", [healthy, unhealthy], invocation =>
            {
                if (invocation.Value(healthy)!.Length + invocation.Value(unhealthy)!.Length == 0)
                {
                    throw new UsageException("Give at least one --healthy or --unhealthy allocation id.");
                }

                return new JsonObject
                {
                    ["healthy_allocation_ids"] = new JsonArray([.. invocation.Value(healthy)!.Select(id => JsonValue.Create(id))]),
                    ["unhealthy_allocation_ids"] = new JsonArray([.. invocation.Value(unhealthy)!.Select(id => JsonValue.Create(id))]),
                };
            });
    }

    private static Func<Invocation, JsonObject?> Reason(Option<string?> reason) =>
        invocation => invocation.Value(reason) is { } text ? new JsonObject { ["reason"] = text } : null;

    private static Command Control(Runner runner, string name, string verb, string description, string example, Option[] options, Func<Invocation, JsonObject?> body)
    {
        var command = Describe.Command(name, description, example);
        var deployment = DeploymentReadCommands.DeploymentArgument();
        var follow = new FollowOptions("Then follow the deployment live until it ends, exiting with its outcome");
        command.Arguments.Add(deployment);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        follow.AddTo(command);
        return runner.Bind(command, async invocation =>
        {
            var id = await Resolve.DeploymentAsync(invocation, invocation.Value(deployment));
            var answer = await invocation.Client.PostAsync($"api/deployments/{id}/{verb}", body(invocation), invocation.CancellationToken);
            return await follow.ShowAsync(invocation, answer, id);
        });
    }
}
