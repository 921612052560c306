using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Deployments.Api.Http;

/// <summary>
/// How request bodies are read: the API's JSON settings, made strict. A number sent as a string, an enum
/// sent as a number, a field sent twice or a null where the type has no null are refused, not guessed at.
/// Responses keep the lenient settings: a strict writer would turn a surprise in stored data into a 500.
/// </summary>
internal sealed class StrictJson
{
    public StrictJson(IOptions<HttpJsonOptions> http)
    {
        var options = new JsonSerializerOptions(http.Value.SerializerOptions)
        {
            NumberHandling = JsonNumberHandling.Strict,
            PropertyNameCaseInsensitive = false,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = RequestLimits.MaxDepth,
        };
        var lenientEnums = options.Converters.OfType<JsonStringEnumConverter>().ToList();
        foreach (var converter in lenientEnums)
        {
            options.Converters.Remove(converter);
        }

        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        Options = options;
    }

    public JsonSerializerOptions Options { get; }
}
