using System.Text.Json;
using System.Text.Json.Serialization;
using Deployments.Serialization;

namespace Deployments.Cli;

/// <summary>The API's JSON (<see cref="SnakeCaseJson"/>), as the CLI reads answers and writes bodies and profiles.</summary>
internal static class CliJson
{
    /// <summary>
    /// Unlike the server, nulls are written, as the CLI always has: a body goes as its command built it, so a
    /// null a command put there reaches the API rather than vanishing on the way.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(SnakeCaseJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
