using System.Text.Json;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Http;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Deployments.Cli.Output;

/// <summary>Prints an answer: the API's JSON as sent with <c>-o json</c>, else something made for people.</summary>
internal sealed class Printer(IAnsiConsole console, OutputFormat format)
{
    public bool IsJson => format == OutputFormat.Json;

    /// <summary>Text as is, past Spectre's markup and wrapping (JSON, and lines meant for grep).</summary>
    public void Raw(string text) => console.Profile.Out.Writer.WriteLine(text);

    public void Result(ApiResult result, Func<JsonElement, IRenderable> human)
    {
        if (IsJson)
        {
            Raw(result.Body);
        }
        else
        {
            console.Write(human(result.Json));
        }
    }

    /// <summary>A one-line confirmation for people; with -o json the API's answer instead (nothing when it had no body).</summary>
    public void Done(ApiResult result, string message)
    {
        if (IsJson)
        {
            if (result.Body.Length > 0)
            {
                Raw(result.Body);
            }
        }
        else
        {
            Raw(message);
        }
    }

    public void Write(IRenderable renderable) => console.Write(renderable);

    /// <summary>A table of the items of a list answer, one column per (header, cell) pair.</summary>
    public static Table Table(IEnumerable<JsonElement> items, params (string Header, Func<JsonElement, string> Cell)[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var (header, _) in columns)
        {
            table.AddColumn(header);
        }

        foreach (var item in items)
        {
            table.AddRow([.. columns.Select(column => new Text(column.Cell(item)))]);
        }

        return table;
    }

    /// <summary>One resource as field/value lines; nested objects and lists shown as compact JSON.</summary>
    public static IRenderable Fields(JsonElement resource)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var property in resource.EnumerateObject())
        {
            grid.AddRow(new Text(property.Name, new Style(decoration: Decoration.Bold)), new Text(Json.Show(property.Value)));
        }

        return grid;
    }
}
