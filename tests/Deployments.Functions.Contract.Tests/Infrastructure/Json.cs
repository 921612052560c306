using System.Net.Http.Json;
using System.Text.Json;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>Reads responses as JSON documents: the tests check the wire format, not our own types.</summary>
internal static class Json
{
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Options);

    /// <summary>The API's snake_case, for anonymous objects written in C# style.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
