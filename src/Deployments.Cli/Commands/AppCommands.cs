using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;

namespace Deployments.Cli.Commands;

/// <summary>deployctl apps (and its revisions): the catalog of apps of a namespace.</summary>
internal static class AppCommands
{
    public static readonly CatalogResource Apps = new("app", "api/apps", "apps", async (invocation, app) => (await Resolve.AppAsync(invocation, app)).ToString(),
        [("id", a => a.Str("id")), ("name", a => a.Str("name")), ("namespace", a => a.Str("namespace")), ("groups", a => a.Str("groups")),
         ("current", a => a.Str("current_revision")), ("stable", a => a.Str("stable_revision")), ("environment", a => a.Str("environment"))]);

    public static Command Create(Runner runner)
    {
        var name = CatalogCommands.NameArgument("app", "sample");
        var cluster = Describe.Option<string>("--cluster", "The cluster it runs on (name or id)", "--cluster local");
        cluster.Required = true;
        var groups = Describe.Repeated("--group", "A task group and its instance count, group=count", "--group web=3");
        var environment = Describe.Option<string?>("--environment", "The environment it belongs to", "--environment staging");
        var labels = Describe.Repeated("--label", "A label key=value", "--label team=payments");
        var annotations = Describe.Repeated("--annotation", "An annotation key=value", "--annotation owner=alice");
        var revision = new RevisionOptions();
        var create = new CatalogWrite("Create an app, optionally with its first revision.",
            "deployctl apps create sample --cluster local --group web=3 --command dotnet --arg app.dll",
            [name, cluster, groups, environment, labels, annotations, revision.Image, revision.Run, revision.Args, revision.Env, revision.SecretEnv, revision.Config, revision.HealthPath],
            async invocation =>
            {
                var body = new JsonObject { ["name"] = invocation.Value(name), ["cluster_id"] = (await Resolve.ClusterAsync(invocation, invocation.Value(cluster)!)).ToString() }.WithNamespace(invocation);
                body["groups"] = Pairs.Numbers(invocation.Value(groups)!, "--group") ?? [];
                DeployCommand.Set(body, "environment", invocation.Value(environment));
                AddMaps(body, invocation, labels, annotations);
                if (revision.Given(invocation))
                {
                    body["revision"] = revision.WriteTo(new JsonObject(), invocation);
                }

                return body;
            });

        var newGroups = Describe.Repeated("--group", "Replace the task groups: group=count", "--group web=5");
        var newEnvironment = Describe.Option<string?>("--environment", "Move it to this environment", "--environment prod");
        var noEnvironment = Describe.Flag("--no-environment", "Take it out of its environment");
        var newLabels = Describe.Repeated("--label", "Replace the labels: key=value", "--label team=payments");
        var newAnnotations = Describe.Repeated("--annotation", "Replace the annotations: key=value", "--annotation owner=bob");
        var update = new CatalogWrite("Change an app's groups, environment, labels or annotations (others stay as they are).",
            "deployctl apps update sample --group web=5", [newGroups, newEnvironment, noEnvironment, newLabels, newAnnotations],
            invocation =>
            {
                var body = new JsonObject();
                if (Pairs.Numbers(invocation.Value(newGroups)!, "--group") is { } counts)
                {
                    body["groups"] = counts;
                }

                if (invocation.Value(noEnvironment))
                {
                    body["environment"] = null;
                }

                DeployCommand.Set(body, "environment", invocation.Value(newEnvironment));
                AddMaps(body, invocation, newLabels, newAnnotations);
                return Task.FromResult(body);
            });

        return CatalogCommands.Group(runner, "apps", Apps, "Manage apps: their groups, revisions and rollbacks.", create, update, Revisions(runner));
    }

    private static void AddMaps(JsonObject body, Invocation invocation, Option<string[]> labels, Option<string[]> annotations)
    {
        if (Pairs.Strings(invocation.Value(labels)!, "--label") is { } l)
        {
            body["labels"] = l;
        }

        if (Pairs.Strings(invocation.Value(annotations)!, "--annotation") is { } a)
        {
            body["annotations"] = a;
        }
    }

    private static Command Revisions(Runner runner)
    {
        var group = Describe.Command("revisions", "An app's numbered revisions (secret values never shown).", "deployctl apps revisions list sample");
        group.Subcommands.Add(CatalogCommands.ById(runner, Apps, Describe.Command("list", "List an app's revisions.", "deployctl apps revisions list sample", "ls"), async (invocation, app) =>
        {
            var answer = await invocation.Client.GetAsync($"api/apps/{app}/revisions", invocation.CancellationToken);
            invocation.Print.Result(answer, json => Printer.Table(json.Items("revisions"),
                ("number", r => r.Str("number")), ("artifact", r => r.Str("artifact")), ("stable", r => r.Str("stable")), ("created", r => r.Str("created_at"))));
        }));

        var number = Describe.Argument<int>("number", "The revision number", "2");
        var get = Describe.Command("get", "Show one revision of an app.", "deployctl apps revisions get sample 2");
        get.Arguments.Add(number);
        group.Subcommands.Add(CatalogCommands.ById(runner, Apps, get, async (invocation, app) =>
        {
            var answer = await invocation.Client.GetAsync($"api/apps/{app}/revisions/{invocation.Value(number)}", invocation.CancellationToken);
            invocation.Print.Result(answer, Printer.Fields);
        }));

        var revision = new RevisionOptions();
        var create = Describe.Command("create", "Add a revision to an app without deploying it.", "deployctl apps revisions create sample --image web:2.1 --env VERSION=v2");
        revision.AddTo(create);
        group.Subcommands.Add(CatalogCommands.ById(runner, Apps, create, async (invocation, app) =>
        {
            var answer = await invocation.Client.PostAsync($"api/apps/{app}/revisions", revision.WriteTo(new JsonObject(), invocation), invocation.CancellationToken);
            invocation.Print.Result(answer, Printer.Fields);
        }));
        return group;
    }
}
