using System.Text.Json;
using System.Text.Json.Nodes;
using Deployments.Cli.CommandLine;

namespace Deployments.Cli.Commands;

/// <summary>A JSON object read from a file named by an option, or from stdin when the name is <c>-</c>.</summary>
internal static class JsonFile
{
    public static async Task<JsonObject> ReadObjectAsync(Invocation invocation, string path, string option)
    {
        string text;
        try
        {
            text = path == "-"
                ? await (invocation.Environment.Input ?? TextReader.Null).ReadToEndAsync(invocation.CancellationToken)
                : await File.ReadAllTextAsync(path, invocation.CancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {path}: {ex.Message}");
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new UsageException($"{option} {Shown(path)} must hold a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{option} {Shown(path)} is not JSON: {ex.Message}");
        }
    }

    private static string Shown(string path) => path == "-" ? "(stdin)" : path;
}
