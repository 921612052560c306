using System.CommandLine;
using System.Globalization;
using System.Text;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;
using Deployments.Cli.Watch;

namespace Deployments.Cli.Commands;

/// <summary>Reading deployments: status (once or live), the list with its filters and pages, the timeline and the allocations.</summary>
internal static class DeploymentReadCommands
{
    public static Argument<string> DeploymentArgument() =>
        Describe.Argument<string>("deployment", "The deployment's id, or an id prefix of an even number of hex characters", "1a2b3c4d");

    public static IEnumerable<Command> Create(Runner runner)
    {
        yield return Status(runner);
        yield return List(runner);
        yield return Events(runner);
        yield return Allocations(runner);
    }

    private static Command Status(Runner runner)
    {
        var command = Describe.Command("status", "Show a deployment: status, canary step, groups, allocations and the last events; --watch follows it live.",
            "deployctl status 1a2b3c4d --watch");
        var deployment = DeploymentArgument();
        var follow = new FollowOptions("Follow it live (redrawn on a terminal, a line per change elsewhere) until it ends; exit code by outcome");
        command.Aliases.Add("get");
        command.Arguments.Add(deployment);
        follow.AddTo(command);
        var watch = follow.Wait;
        watch.Aliases.Add("--watch");
        return runner.Bind(command, async invocation =>
        {
            var id = await Resolve.DeploymentAsync(invocation, invocation.Value(deployment));
            if (invocation.Value(watch) || invocation.Value(follow.UntilPaused))
            {
                return await FollowView.RunAsync(invocation, id, invocation.Value(follow.UntilPaused));
            }

            var snapshot = await new DeploymentFollower(invocation.Client).CurrentAsync(id, invocation.CancellationToken);
            if (invocation.Print.IsJson)
            {
                invocation.Print.Raw(snapshot.Json);
            }
            else
            {
                invocation.Print.Write(DeploymentFrame.Render(snapshot, invocation.Environment.Time.GetUtcNow()));
            }

            return ExitCodes.Success;
        });
    }

    private static Command List(Runner runner)
    {
        var command = Describe.Command("list", "List deployments, newest first, with filters and pages.", "deployctl list --app sample --status running --status paused");
        var app = Describe.Option<string?>("--app", "Only this app's (name or id)", "--app sample");
        var status = Describe.Repeated("--status", "Only in this status: pending, running, paused, promoting, successful, failed, cancelled", "--status failed");
        var prefix = Describe.Option<string?>("--prefix", "Only ids starting with these hex characters (an even number)", "--prefix 1a2b");
        var from = Describe.Option<DateTimeOffset?>("--created-from", "Created at or after (RFC 3339)", "--created-from 2025-01-31T00:00:00Z");
        var to = Describe.Option<DateTimeOffset?>("--created-to", "Created before (RFC 3339)", "--created-to 2025-02-01T00:00:00Z");
        var selector = Describe.Option<string?>("--selector", "Only deployments whose labels match (Cloud Foundry's label_selector)", "--selector team=payments,tier!=web");
        var pageSize = Describe.Option<int?>("--page-size", "Deployments per page, 1-500", "--page-size 50");
        var next = Describe.Option<string?>("--next-token", "The page after the one that printed this token", "--next-token eyJwIjoi...");
        foreach (var option in new Option[] { app, status, prefix, from, to, selector, pageSize, next })
        {
            command.Options.Add(option);
        }

        command.Aliases.Add("ls");
        return runner.Bind(command, async invocation =>
        {
            var query = new StringBuilder("api/deployments?");
            void Add(string name, string? value)
            {
                if (value is not null)
                {
                    query.Append(CultureInfo.InvariantCulture, $"{name}={Uri.EscapeDataString(value)}&");
                }
            }

            Add("namespace", invocation.Namespace);
            Add("app_id", invocation.Value(app) is { } appRef ? (await Resolve.AppAsync(invocation, appRef)).ToString() : null);
            foreach (var s in invocation.Value(status)!)
            {
                Add("status", s);
            }

            Add("prefix", invocation.Value(prefix));
            Add("created_from", invocation.Value(from)?.ToString("O", CultureInfo.InvariantCulture));
            Add("created_to", invocation.Value(to)?.ToString("O", CultureInfo.InvariantCulture));
            Add("label_selector", invocation.Value(selector));
            Add("page_size", invocation.Value(pageSize)?.ToString(CultureInfo.InvariantCulture));
            Add("next_token", invocation.Value(next));
            var page = await invocation.Client.GetAsync(query.ToString().TrimEnd('&', '?'), invocation.CancellationToken);
            invocation.Print.Result(page, json => Printer.Table(json.Items("deployments"),
                ("id", d => Json.Short(d.Str("id"))), ("app", d => Json.Short(d.Str("app_id"))), ("rev", d => d.Str("revision")),
                ("strategy", d => d.Str("strategy")), ("status", d => d.Str("status")),
                ("step", d => d.Int("total_steps") > 0 ? $"{d.Int("current_step")}/{d.Int("total_steps")}" : string.Empty),
                ("created", d => d.Str("created_at")), ("by", d => d.Str("created_by")), ("description", d => d.Str("status_description"))));
            if (!invocation.Print.IsJson && page.Json.Get("next_token") is { } token)
            {
                invocation.Print.Raw($"More: --next-token {token.GetString()}");
            }
        });
    }

    private static Command Events(Runner runner)
    {
        var command = Describe.Command("events", "Show a deployment's timeline: every state change and command, with actor and reason.", "deployctl events 1a2b3c4d");
        var deployment = DeploymentArgument();
        command.Arguments.Add(deployment);
        return runner.Bind(command, async invocation =>
        {
            var id = await Resolve.DeploymentAsync(invocation, invocation.Value(deployment));
            var events = await invocation.Client.GetAsync($"api/deployments/{id}/events", invocation.CancellationToken);
            invocation.Print.Result(events, json => Printer.Table(json.Items(),
                ("#", e => e.Str("sequence")), ("at", e => e.Str("at")), ("actor", e => e.Str("actor")), ("kind", e => e.Str("kind")), ("message", e => e.Str("message"))));
        });
    }

    private static Command Allocations(Runner runner)
    {
        var command = Describe.Command("allocations", "Show the instances a deployment placed, with revision, health and address.", "deployctl allocations 1a2b3c4d");
        var deployment = DeploymentArgument();
        command.Aliases.Add("allocs");
        command.Arguments.Add(deployment);
        return runner.Bind(command, async invocation =>
        {
            var id = await Resolve.DeploymentAsync(invocation, invocation.Value(deployment));
            var allocations = await invocation.Client.GetAsync($"api/deployments/{id}/allocations", invocation.CancellationToken);
            invocation.Print.Result(allocations, json => Printer.Table(json.Items(),
                ("id", a => a.Str("id")), ("group", a => a.Str("group")), ("rev", a => a.Str("revision")), ("canary", a => a.Str("canary")),
                ("health", a => a.Str("health")), ("status", a => a.Str("actual_status")), ("address", a => a.Str("address"))));
        });
    }
}
