using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Deployments.Api.Auth;

/// <summary>
/// Turns a presented admin key or scoped token into a principal whose name is recorded as the actor of
/// every command, with its capability and namespace as claims. Keys never reach a log or a response.
/// </summary>
internal sealed class KeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminKeyStore adminKey, AccessTokenStore tokens, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ControlPlaneKey";

    /// <summary>The actor name of the admin key.</summary>
    public const string AdminName = "admin";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey.From(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var cancellationToken = Context.RequestAborted;
        if (presented.StartsWith(TokenValue.Prefix, StringComparison.Ordinal))
        {
            return await tokens.AuthenticateAsync(presented, cancellationToken) is { } token && token.IsUsableAt(time.GetUtcNow())
                ? Success(token.Name, token.Highest, token.Namespace, token.Id)
                : AuthenticateResult.Fail("The token is not valid, or was revoked, or has expired.");
        }

        return await adminKey.IsAdminKeyAsync(presented, cancellationToken)
            ? Success(AdminName, Capability.Admin, Capabilities.AllNamespaces, null)
            : AuthenticateResult.Fail("The key is not valid.");
    }

    private static AuthenticateResult Success(string name, Capability capability, string @namespace, string? tokenId)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.Name, name),
            new(Capabilities.ClaimType, capability.Name()),
            new(Capabilities.NamespaceClaimType, @namespace),
        ];
        if (tokenId is not null)
        {
            claims.Add(new("token_id", tokenId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
