using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;

namespace Deployments.Cli.Commands;

/// <summary>deployctl pipeline: ordered stages of apps, and promotion from one app to many.</summary>
internal static class PipelineCommands
{
    public static Command Create(Runner runner)
    {
        var resource = new CatalogResource("pipeline", "api/pipelines", "pipelines", ByName,
            [("id", p => p.Str("id")), ("name", p => p.Str("name")), ("namespace", p => p.Str("namespace")), ("stages", p => p.Str("stages"))]);
        var name = CatalogCommands.NameArgument("pipeline", "web");
        var stages = Describe.Repeated("--stage", "A stage: its apps (names or ids), comma-separated, in order", "--stage web-dev --stage web-eu,web-us");
        var create = new CatalogWrite("Create a pipeline of stages.", "deployctl pipeline create web --stage web-dev --stage web-eu,web-us", [name, stages], async invocation =>
            new JsonObject { ["name"] = invocation.Value(name), ["stages"] = await StagesAsync(invocation, invocation.Value(stages)!) }.WithNamespace(invocation));
        var newName = Describe.Option<string?>("--name", "A new name", "--name web-release");
        var newStages = Describe.Repeated("--stage", "Replace the stages: apps comma-separated, in order", "--stage web-dev --stage web-prod");
        var update = new CatalogWrite("Rename a pipeline or replace its stages.", "deployctl pipeline update web --stage web-dev --stage web-prod", [newName, newStages], async invocation =>
        {
            var body = new JsonObject();
            DeployCommand.Set(body, "name", invocation.Value(newName));
            if (invocation.Value(newStages)!.Length > 0)
            {
                body["stages"] = await StagesAsync(invocation, invocation.Value(newStages)!);
            }

            return body;
        });
        return CatalogCommands.Group(runner, "pipeline", resource, "Manage pipelines and promote through them.", create, update, Promote(runner, resource));
    }

    private static Command Promote(Runner runner, CatalogResource resource)
    {
        var command = Describe.Command("promote", "Deploy the source app's latest successful revision to target apps (the next stage's by default).",
            "deployctl pipeline promote web --source web-dev");
        var source = Describe.Option<string>("--source", "The app whose latest successful deployment is promoted (name or id)", "--source web-dev");
        source.Required = true;
        var targets = Describe.Repeated("--target", "A target app (name or id); default: the next stage's apps", "--target web-eu");
        command.Options.Add(source);
        command.Options.Add(targets);
        return CatalogCommands.ById(runner, resource, command, async (invocation, pipeline) =>
        {
            var body = new JsonObject { ["source_app_id"] = (await Resolve.AppAsync(invocation, invocation.Value(source)!)).ToString() };
            if (invocation.Value(targets)!.Length > 0)
            {
                body["target_app_ids"] = new JsonArray([.. (await Resolve.AppsAsync(invocation, invocation.Value(targets)!)).Select(id => JsonValue.Create(id.ToString()))]);
            }

            var answer = await invocation.Client.PostAsync($"api/pipelines/{pipeline}/promote", body, invocation.CancellationToken);
            invocation.Print.Result(answer, json => Printer.Table(json.Items(),
                ("target app", t => t.Str("target_app_id")), ("deployment", t => t.Str("deployment_id")), ("error", t => t.Str("error"))));
        });
    }

    private static async Task<JsonArray> StagesAsync(Invocation invocation, string[] stages)
    {
        var result = new JsonArray();
        foreach (var stage in stages)
        {
            var apps = await Resolve.AppsAsync(invocation, stage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            result.Add(new JsonArray([.. apps.Select(id => JsonValue.Create(id.ToString()))]));
        }

        return result;
    }

    private static async Task<string> ByName(Invocation invocation, string pipeline)
    {
        if (Guid.TryParse(pipeline, out _))
        {
            return pipeline;
        }

        var all = (await invocation.Client.GetAsync($"api/pipelines{invocation.NamespaceQuery}", invocation.CancellationToken)).Json.Items("pipelines");
        return all.FirstOrDefault(p => p.Str("name") == pipeline) is { ValueKind: System.Text.Json.JsonValueKind.Object } found
            ? found.Str("id")
            : throw new UsageException($"No pipeline is named '{pipeline}'.");
    }
}
