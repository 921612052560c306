using System.Security.Claims;
using Deployments.Service;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deployments.Api.Auth;

/// <summary>
/// GET /api/tokens/self: what the presented key or token may do and where, so a client (the dashboard)
/// offers only what the API would allow. Any valid key may ask about itself.
/// </summary>
internal static class TokenSelfApi
{
    public static RouteGroupBuilder MapTokenSelfApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tokens/self", SelfAsync).WithTags("Tokens").RequireCapability(Capability.Read).WithName("TokenSelf");
        return api;
    }

    private static async Task<Ok<SelfResponse>> SelfAsync(HttpContext http, AppCatalog catalog, CancellationToken ct)
    {
        var user = http.User;
        var highest = Capabilities.TryParse(user.FindFirst(Capabilities.ClaimType)?.Value, out var parsed) ? parsed : Capability.Read;
        var scope = user.FindFirst(Capabilities.NamespaceClaimType)?.Value ?? Capabilities.AllNamespaces;
        var tokenId = user.FindFirst("token_id")?.Value;
        IReadOnlyList<string> namespaces = scope == Capabilities.AllNamespaces ? await catalog.ListNamespacesAsync(ct) : [scope];
        return TypedResults.Ok(new SelfResponse(
            user.FindFirstValue(ClaimTypes.Name) ?? string.Empty,
            tokenId is null ? "admin_key" : "token",
            tokenId,
            scope,
            [.. Enum.GetValues<Capability>().Where(c => c <= highest).Select(c => c.Name())],
            namespaces));
    }

    /// <summary>
    /// <see cref="Capabilities"/> lists every capability held, the implied ones included (submit implies read);
    /// <see cref="Namespaces"/> are the namespaces the caller may act in that exist now.
    /// </summary>
    internal sealed record SelfResponse(
        string Name, string Kind, string? TokenId, string Namespace, IReadOnlyList<string> Capabilities, IReadOnlyList<string> Namespaces);
}
