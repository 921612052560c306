using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Deployments.Cli.Output;

/// <summary>An analysis template as people read it: its name and arguments, then a row per metric with what it asks and how it judges.</summary>
internal static class AnalysisTemplateView
{
    public static IRenderable Render(JsonElement template)
    {
        var fields = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var name in new[] { "name", "namespace", "created_at", "updated_at" })
        {
            fields.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(template.Str(name)));
        }

        fields.AddRow(new Text("args", new Style(decoration: Decoration.Bold)), new Text(Arguments(template)));
        var metrics = Printer.Table(template.Items("metrics"),
            ("metric", m => m.Str("name")), ("provider", Provider), ("asks", Asks),
            ("every", m => m.Str("interval")), ("count", m => m.Get("count") is { } count ? Json.Show(count) : "until stopped"),
            ("conditions", Conditions), ("limits", Limits));
        return new Rows(fields, metrics.Title("Metrics"));
    }

    /// <summary>"threshold=0.05, service (required)": each declared argument with its default.</summary>
    public static string Arguments(JsonElement template) =>
        string.Join(", ", template.Items("args").Select(a => a.Get("value") is { } value ? $"{a.Str("name")}={Json.Show(value)}" : $"{a.Str("name")} (required)"));

    public static string MetricNames(JsonElement template) => string.Join(", ", template.Items("metrics").Select(m => m.Str("name")));

    private static string Provider(JsonElement metric) =>
        metric.Get("provider") is { ValueKind: JsonValueKind.Object } provider ? string.Join(", ", provider.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name)) : string.Empty;

    /// <summary>The Prometheus query, or the web metric's method, URL and JSON path.</summary>
    private static string Asks(JsonElement metric)
    {
        var provider = metric.Get("provider");
        if (provider?.Get("prometheus") is { } prometheus)
        {
            return prometheus.Str("query");
        }

        return provider?.Get("web") is { } web ? $"{web.Str("method")} {web.Str("url")} {web.Str("json_path")}".Trim() : string.Empty;
    }

    private static string Conditions(JsonElement metric)
    {
        var parts = new List<string>();
        if (metric.Str("success_condition") is { Length: > 0 } success)
        {
            parts.Add($"success: {success}");
        }

        if (metric.Str("failure_condition") is { Length: > 0 } failure)
        {
            parts.Add($"failure: {failure}");
        }

        return string.Join(Environment.NewLine, parts);
    }

    private static string Limits(JsonElement metric) =>
        $"failures {metric.Int("failure_limit")}, inconclusive {metric.Int("inconclusive_limit")}, errors in a row {metric.Int("consecutive_error_limit")}";
}
