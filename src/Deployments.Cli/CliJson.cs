using System.Text.Json;

namespace Deployments.Cli;

/// <summary>The API's JSON: snake_case names, enums as lower-case strings.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
