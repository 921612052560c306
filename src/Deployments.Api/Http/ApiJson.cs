using System.Text.Json;
using Deployments.Storage;

namespace Deployments.Api.Http;

/// <summary>The API speaks the same snake_case JSON the domain stores, and refuses fields it does not know.</summary>
internal static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        var domain = DeploymentJson.Options;
        options.PropertyNamingPolicy = domain.PropertyNamingPolicy;
        options.DictionaryKeyPolicy = domain.DictionaryKeyPolicy;
        options.DefaultIgnoreCondition = domain.DefaultIgnoreCondition;
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        // Numbers are numbers: bodies are read strictly anyway (StrictJson), and the OpenAPI document says what is read.
        options.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        foreach (var converter in domain.Converters)
        {
            options.Converters.Add(converter);
        }

        options.Converters.Add(new DurationJsonConverter());
    }
}
