using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;

namespace Deployments.Cli.Commands;

/// <summary>
/// deploy's analysis: templates that run in the background of a canary (options.analysis) and templates that
/// gate its steps (options.steps[i].analysis), with the arguments they are given.
/// </summary>
internal sealed class AnalysisOptions
{
    public Option<string[]> Background { get; } = Describe.Repeated("--analysis",
        "An analysis template run in the background from the first canary step until promotion; a failed metric fails the deployment", "--analysis error-rate");

    public Option<string[]> Steps { get; } = Describe.Repeated("--step-analysis",
        "An analysis template that gates every --step (or N:template, only step N): the step goes on once its run succeeds", "--step-analysis error-rate --step-analysis 2:latency");

    public Option<string[]> Args { get; } = Describe.Repeated("--analysis-arg", "A value for the templates' argument, name=value (given to every analysis)", "--analysis-arg threshold=0.05");

    public void AddTo(Command command)
    {
        command.Options.Add(Background);
        command.Options.Add(Steps);
        command.Options.Add(Args);
    }

    /// <summary>Adds the gates to <paramref name="steps"/> (the parsed --step values) and the background analysis to <paramref name="options"/>.</summary>
    public void WriteTo(JsonObject options, IReadOnlyList<JsonObject> steps, Invocation invocation)
    {
        var args = Pairs.Strings(invocation.Value(Args)!, "--analysis-arg");
        var background = invocation.Value(Background)!;
        var gates = invocation.Value(Steps)!.Select(Parse).ToList();
        if (args is not null && background.Length == 0 && gates.Count == 0)
        {
            throw new UsageException("--analysis-arg gives values to analysis templates: name some with --analysis or --step-analysis.");
        }

        if (gates.Count > 0 && steps.Count == 0)
        {
            throw new UsageException("--step-analysis gates canary steps: give them with --step.");
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var templates = gates.Where(g => g.Step is null || g.Step == i + 1).Select(g => g.Template).ToList();
            if (templates.Count > 0)
            {
                steps[i]["analysis"] = Gate(templates, args);
            }
        }

        if (gates.FirstOrDefault(g => g.Step > steps.Count) is { Step: { } missing })
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--step-analysis names step {missing}, but only {steps.Count} --step are given."));
        }

        if (background.Length > 0)
        {
            options["analysis"] = Gate(background, args);
        }
    }

    /// <summary>"error-rate" gates every step; "2:error-rate" gates step 2 only (template names start with a letter, so the two cannot be confused).</summary>
    public static (int? Step, string Template) Parse(string value)
    {
        var at = value.IndexOf(':', StringComparison.Ordinal);
        if (at < 0)
        {
            return (null, value);
        }

        return int.TryParse(value[..at], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step >= 1 && at < value.Length - 1
            ? (step, value[(at + 1)..])
            : throw new UsageException($"--step-analysis takes a template, or a step number, ':' and a template (2:error-rate), not '{value}'.");
    }

    private static JsonObject Gate(IEnumerable<string> templates, JsonObject? args)
    {
        var gate = new JsonObject { ["templates"] = new JsonArray([.. templates.Select(t => JsonValue.Create(t))]) };
        if (args is not null)
        {
            gate["args"] = args.DeepClone();
        }

        return gate;
    }
}
