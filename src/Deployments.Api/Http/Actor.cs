using System.Security.Claims;

namespace Deployments.Api.Http;

/// <summary>Who is calling, as recorded on every command: the authenticated key's or token's name.</summary>
internal static class Actor
{
    public static string Of(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
