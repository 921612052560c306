using System.Text.Json;

namespace Deployments.Api.Auth;

/// <summary>How token documents are stored: the API's snake_case, so a stored row reads like the API's answer.</summary>
internal static class AuthJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
