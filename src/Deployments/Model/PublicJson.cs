using System.Text.Json;
using Deployments.Serialization;

namespace Deployments.Model;

/// <summary>
/// The JSON clients read, in API answers and in notifications alike: <see cref="SnakeCaseJson"/> with durations
/// as people write them ("30s", "5m"). Stored documents use <see cref="SnakeCaseJson"/> alone, so their
/// durations keep the form they were written in.
/// </summary>
public static class PublicJson
{
    /// <summary>The conventions on a fresh, read-only instance.</summary>
    public static JsonSerializerOptions Options { get; } = CreateReadOnly();

    /// <summary>Applies the conventions to an instance a host owns (ASP.NET Core's HTTP JSON options).</summary>
    /// <returns>The same <paramref name="options"/>, for chaining.</returns>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        SnakeCaseJson.Configure(options).Converters.Add(new DurationJsonConverter());
        return options;
    }

    private static JsonSerializerOptions CreateReadOnly()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
