using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Output;

namespace Deployments.Cli.Commands;

/// <summary>
/// deployctl analysis-templates: the metrics that judge canaries, written as JSON files (the API's own shape)
/// because a metric's provider, conditions and limits do not fit on a command line.
/// </summary>
internal static class AnalysisTemplateCommands
{
    // What the API adds to a template and refuses to be sent, so a file saved from 'get -o json' can be sent back.
    private static readonly string[] ServerFields = ["created_at", "updated_at"];

    // What an update may change; a whole template file holds more, which the API would refuse.
    private static readonly string[] UpdatableFields = ["metrics", "args"];

    public static Command Create(Runner runner)
    {
        var resource = new CatalogResource("template", "api/analysis-templates", "analysis_templates", CatalogCommands.AsIs,
            [("name", t => t.Str("name")), ("namespace", t => t.Str("namespace")), ("metrics", AnalysisTemplateView.MetricNames),
             ("args", AnalysisTemplateView.Arguments), ("updated", t => t.Str("updated_at"))],
            AnalysisTemplateView.Render);
        var file = FileOption("The template as JSON: name, metrics and args ('-' reads stdin)", "--file error-rate.json");
        var create = new CatalogWrite("Create an analysis template from a JSON file.", "deployctl analysis-templates create --file error-rate.json",
            [file], async invocation =>
            {
                var body = await JsonFile.ReadObjectAsync(invocation, invocation.Value(file)!, "--file");
                foreach (var field in ServerFields)
                {
                    body.Remove(field);
                }

                return body.WithNamespace(invocation);
            });
        var newFile = FileOption("The new metrics and args as JSON (a whole template file will do; the lists it holds replace the current ones)", "--file error-rate.json");
        var update = new CatalogWrite("Replace an analysis template's metrics or args from a JSON file.", "deployctl analysis-templates update error-rate --file error-rate.json",
            [newFile], async invocation =>
            {
                var given = await JsonFile.ReadObjectAsync(invocation, invocation.Value(newFile)!, "--file");
                var body = new JsonObject();
                foreach (var field in UpdatableFields)
                {
                    if (given[field] is { } value)
                    {
                        body[field] = value.DeepClone();
                    }
                }

                return body.Count > 0 ? body : throw new UsageException("--file holds neither metrics nor args: nothing to change.");
            });
        var group = CatalogCommands.Group(runner, "analysis-templates", resource, "Manage analysis templates: the metrics and conditions that judge canaries.", create, update);
        group.Aliases.Add("templates");
        return group;
    }

    private static Option<string> FileOption(string description, string example)
    {
        var option = Describe.Option<string>("--file", description, example, "-f");
        option.Required = true;
        return option;
    }
}
