using System.Text.Json;
using System.Text.Json.Serialization;
using Deployments.Model;

namespace Deployments.Api.Http;

/// <summary>The API speaks the JSON clients read everywhere (<see cref="PublicJson"/>), and refuses fields it does not know.</summary>
internal static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        PublicJson.Configure(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // Numbers are numbers: bodies are read strictly anyway (StrictJson), and the OpenAPI document says what is read.
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
