using Microsoft.Net.Http.Headers;

namespace Deployments.Api.Auth;

/// <summary>
/// Where a caller may put its key, as Azure Functions accepts it (<c>x-functions-key</c> header, <c>code</c>
/// query parameter) plus the usual <c>Authorization: Bearer …</c> and <c>Authorization: Api-Key …</c>, and
/// Nomad's <c>X-Nomad-Token</c>, so that each seed's clients send theirs as their document says.
/// </summary>
internal static class PresentedKey
{
    public const string FunctionsKeyHeader = "x-functions-key";
    public const string NomadTokenHeader = "X-Nomad-Token";
    public const string CodeQuery = "code";

    public static string? From(HttpRequest request)
    {
        foreach (var name in (ReadOnlySpan<string>)[FunctionsKeyHeader, NomadTokenHeader])
        {
            if (request.Headers[name] is [{ Length: > 0 } header])
            {
                return header;
            }
        }

        if (request.Headers[HeaderNames.Authorization] is [{ } authorization])
        {
            foreach (var scheme in (ReadOnlySpan<string>)["Bearer ", "Api-Key "])
            {
                if (authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && authorization.Length > scheme.Length)
                {
                    return authorization[scheme.Length..].Trim();
                }
            }
        }

        return request.Query[CodeQuery] is [{ Length: > 0 } code] ? code : null;
    }
}
