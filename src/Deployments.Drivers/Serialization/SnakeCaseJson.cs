using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deployments.Serialization;

/// <summary>
/// The one definition of the control plane's JSON: snake_case property names, dictionary keys as they are
/// (they are labels, environment variable names and group names, which clients spell), nulls left out, enums
/// as snake_case strings. Stored documents, the HTTP API, notifications, the drivers and the CLI all start from
/// it, so a stored row, an API answer and a webhook read alike.
/// </summary>
/// <remarks>
/// It lives in the drivers, the lowest project the domain and the API reach; the CLI, which references no
/// project of the server, compiles this same file (linked in its project) rather than a copy of it.
/// </remarks>
public static class SnakeCaseJson
{
    /// <summary>The conventions on a fresh, read-only instance; use it as it is, or copy it to add to it.</summary>
    public static JsonSerializerOptions Options { get; } = CreateReadOnly();

    /// <summary>
    /// Applies the conventions to <paramref name="options"/>, for hosts that own their instance (ASP.NET Core's
    /// HTTP JSON options) and so cannot take <see cref="Options"/> itself.
    /// </summary>
    /// <returns>The same <paramref name="options"/>, for chaining.</returns>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }

    private static JsonSerializerOptions CreateReadOnly()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
