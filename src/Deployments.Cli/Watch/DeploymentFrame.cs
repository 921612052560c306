using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Deployments.Cli.Watch;

/// <summary>One frame of the live view: a pure function of a snapshot and the time, so tests can render it.</summary>
internal static class DeploymentFrame
{
    private const int EventsShown = 5;

    public static IRenderable Render(DeploymentSnapshot snapshot, DateTimeOffset now)
    {
        var d = snapshot.Deployment;
        var header = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        header.AddRow(Bold("Deployment"), new Text($"{d.Id} (app {d.AppId}, {d.Namespace})"));
        header.AddRow(Bold("Revision"), new Text(d.PreviousRevision is { } from ? $"{d.Revision} (from {from}), {d.Strategy} {d.Kind}" : $"{d.Revision}, {d.Strategy} {d.Kind}"));
        header.AddRow(Bold("Status"), new Markup($"[{StatusColour(d.Status)}]{d.Status}[/] - {Markup.Escape(d.StatusDescription)}"));
        if (d.Metadata?.Labels is { Count: > 0 } labels)
        {
            header.AddRow(Bold("Labels"), new Text(string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))));
        }

        if (d.IsCanary)
        {
            header.AddRow(Bold("Canary"), new Text(Progress.Steps(d)));
        }

        var deadline = Progress.Deadline(d, now);
        header.AddRow(Bold("Elapsed"), new Text(Progress.Clock(Progress.Elapsed(d, now)) + (deadline.Length > 0 ? $", {deadline}" : string.Empty)));

        var groups = new Table().Border(TableBorder.Simple).Title("Groups")
            .AddColumns("group", "desired", "placed", "healthy", "unhealthy", "canaries", "promoted");
        foreach (var (name, g) in d.Groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            groups.AddRow(name, Number(g.Desired), Number(g.Placed), Number(g.Healthy), Number(g.Unhealthy), Number(g.Canaries), g.Promoted ? "yes" : "no");
        }

        var allocations = new Table().Border(TableBorder.Simple).Title("Allocations")
            .AddColumns("id", "group", "revision", "canary", "health", "status", "address");
        foreach (var a in snapshot.Allocations.OrderBy(a => a.Group, StringComparer.Ordinal).ThenBy(a => a.Revision))
        {
            allocations.AddRow(new Text(a.Id.ToString("N")[..8]), new Text(a.Group), new Text(Number(a.Revision)), new Text(a.Canary ? "yes" : "no"),
                new Markup($"[{HealthColour(a.Health)}]{a.Health}[/]"), new Text(a.ActualStatus), new Text(a.Address ?? string.Empty));
        }

        var events = new Table().Border(TableBorder.Simple).Title("Last events")
            .AddColumns("at", "actor", "kind", "message");
        foreach (var e in snapshot.Events.OrderBy(e => e.Sequence).TakeLast(EventsShown))
        {
            events.AddRow(new Text(e.At.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)), new Text(e.Actor), new Text(e.Kind), new Text(e.Message));
        }

        return snapshot.Analysis is { } analysis
            ? new Rows(header, groups, AnalysisSection.Render(analysis), allocations, events)
            : new Rows(header, groups, allocations, events);
    }

    private static Text Bold(string text) => new(text, new Style(decoration: Decoration.Bold));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string StatusColour(string status) => status switch
    {
        "successful" => "green",
        "failed" => "red",
        "cancelled" => "grey",
        "paused" => "yellow",
        _ => "blue",
    };

    private static string HealthColour(string health) => health switch
    {
        "healthy" => "green",
        "unhealthy" => "red",
        _ => "yellow",
    };
}
