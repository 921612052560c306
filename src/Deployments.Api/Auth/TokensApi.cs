using System.Text.RegularExpressions;
using Deployments.Api.Http;
using Deployments.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deployments.Api.Auth;

/// <summary>/api/tokens: create, list and revoke scoped tokens. Admin key (or an all-namespaces admin token) only.</summary>
internal static partial class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens").RequireCapability(Capability.Admin, global: true);
        tokens.MapPost("/", CreateAsync).WithName("CreateToken");
        tokens.MapGet("/", async (AccessTokenStore store, CancellationToken ct) => TypedResults.Ok(new TokenList(await store.ListAsync(ct)))).WithName("ListTokens");
        tokens.MapDelete("/{id}", async Task<IResult> (string id, HttpContext http, AccessTokenStore store, CancellationToken ct) =>
            await store.RevokeAsync(id, Actor.Of(http.User), ct) is { } revoked
                ? TypedResults.Ok(revoked)
                : ProblemResults.Problem(StatusCodes.Status404NotFound, "Unknown token", $"No token with id '{id}' exists."))
            .Produces<AccessToken>(StatusCodes.Status200OK)
            .WithName("RevokeToken");
        return api;
    }

    private static async Task<Created<CreatedTokenResponse>> CreateAsync(CreateTokenBody body, HttpContext http, AccessTokenStore store, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        if (body.Name is null || !NamePattern().IsMatch(body.Name))
        {
            errors.Add(new ValidationError("name", "must be 1-63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit"));
        }

        var @namespace = body.Namespace ?? Capabilities.AllNamespaces;
        if (@namespace != Capabilities.AllNamespaces && !NamespacePattern().IsMatch(@namespace))
        {
            errors.Add(new ValidationError("namespace", "must be '*' (all namespaces) or a namespace name"));
        }

        var capabilities = body.Capabilities ?? [];
        if (capabilities.Count == 0 || capabilities.Any(c => !Capabilities.TryParse(c, out _)))
        {
            errors.Add(new ValidationError("capabilities", "must list one or more of 'read', 'submit', 'admin'"));
        }

        if (body.ExpiresAt is { } expiry && expiry <= time.GetUtcNow())
        {
            errors.Add(new ValidationError("expires_at", "must be in the future"));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var created = await store.CreateAsync(body.Name!, @namespace, [.. capabilities.Distinct()], body.ExpiresAt, Actor.Of(http.User), ct);
        var token = created.Token;
        return TypedResults.Created($"/api/tokens/{token.Id}", new CreatedTokenResponse(
            token.Id, token.Name, token.Namespace, token.Capabilities, token.CreatedAt, token.CreatedBy, token.ExpiresAt, created.Value));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,62}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex NamespacePattern();

    internal sealed record CreateTokenBody(string? Name = null, string? Namespace = null, IReadOnlyList<string>? Capabilities = null, DateTimeOffset? ExpiresAt = null);

    internal sealed record TokenList(IReadOnlyList<AccessToken> Tokens);

    /// <summary>The token's value appears here and nowhere else, ever: it is stored only as a hash.</summary>
    internal sealed record CreatedTokenResponse(
        string Id, string Name, string Namespace, IReadOnlyList<string> Capabilities, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ExpiresAt, string Token);
}
