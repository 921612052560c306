using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Deployments.Cli.Watch;

/// <summary>
/// A deployment's analysis as people read it, in the live view and in <c>deployctl analysis</c>: a table per run,
/// a row per metric with its last values, its conditions and its verdict, and the run's verdict message below.
/// </summary>
internal static class AnalysisSection
{
    /// <summary>Enough of a metric's history to see its trend without crowding the row.</summary>
    public const int ValuesShown = 5;

    public static IRenderable Render(AnalysisState analysis)
    {
        var runs = analysis.Runs ?? [];
        if (runs.Count == 0)
        {
            return new Text("Analysis: no run has started yet" + Environment.NewLine);
        }

        return new Rows(runs.Select(Run));
    }

    private static Table Run(AnalysisRunState run)
    {
        var table = new Table().Border(TableBorder.Simple)
            .Title(new TableTitle($"Analysis {Markup.Escape(Describe(run))}: [{Colour(run.Phase)}]{Markup.Escape(run.Phase)}[/]"))
            .AddColumns("metric", "last values", "conditions", "measured", "verdict");
        foreach (var metric in run.Metrics ?? [])
        {
            table.AddRow(
                new Text(metric.Name),
                new Markup(LastValues(metric)),
                new Text(Conditions(metric)),
                new Text(Measured(metric)),
                new Markup($"[{Colour(metric.Phase)}]{Markup.Escape(metric.Phase)}[/]"));
        }

        if (run.Message is { Length: > 0 } message)
        {
            table.Caption(new TableTitle(Markup.Escape(message)));
        }

        return table;
    }

    /// <summary>"step-1 (gate of step 1; error-rate)" or "background (error-rate, latency)".</summary>
    public static string Describe(AnalysisRunState run)
    {
        var templates = string.Join(", ", run.Templates ?? []);
        return run.Step is { } step
            ? string.Create(CultureInfo.InvariantCulture, $"{run.Id} (gate of step {step}; {templates})")
            : $"{run.Id} ({templates})";
    }

    /// <summary>The last few measurements, oldest first, each coloured by how it was judged; an error shows as "error".</summary>
    private static string LastValues(AnalysisMetricState metric)
    {
        var shown = (metric.Measurements ?? []).OrderBy(m => m.Sequence).TakeLast(ValuesShown).ToList();
        return shown.Count == 0
            ? "[grey]none yet[/]"
            : string.Join(" ", shown.Select(m => $"[{Colour(m.Phase)}]{Markup.Escape(Value(m))}[/]"));
    }

    /// <summary>A measurement's <c>result</c>: one number bare, several in brackets, "error" when the provider could not be read.</summary>
    public static string Value(MeasurementState measurement)
    {
        if (measurement.Error is not null || measurement.Value is not { Count: > 0 } values)
        {
            return "error";
        }

        var numbers = values.Select(v => v.ToString("G4", CultureInfo.InvariantCulture)).ToList();
        return numbers.Count == 1 ? numbers[0] : $"[{string.Join(",", numbers)}]";
    }

    public static string Conditions(AnalysisMetricState metric)
    {
        var parts = new List<string>();
        if (metric.SuccessCondition is { Length: > 0 } success)
        {
            parts.Add($"success: {success}");
        }

        if (metric.FailureCondition is { Length: > 0 } failure)
        {
            parts.Add($"failure: {failure}");
        }

        return string.Join(Environment.NewLine, parts);
    }

    /// <summary>"3 of 6 every 5s", or "3 every 5s" for a metric measured until its analysis stops.</summary>
    private static string Measured(AnalysisMetricState metric)
    {
        var taken = (metric.Measurements ?? []).Count.ToString(CultureInfo.InvariantCulture);
        var of = metric.Count is { } count ? string.Create(CultureInfo.InvariantCulture, $"{taken} of {count}") : taken;
        return metric.Interval is { Length: > 0 } interval ? $"{of} every {interval}" : of;
    }

    private static string Colour(string phase) => phase switch
    {
        "successful" => "green",
        "failed" => "red",
        "inconclusive" or "error" => "yellow",
        "stopped" => "grey",
        _ => "blue",
    };
}
