using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Deployments.Api.Auth;

/// <summary>
/// Answers a missing or invalid key with 401 and too little capability with 403, both as RFC 9457 problem
/// documents that say what to send, like every other error of the API.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // The authentication middleware keeps only a successful result; the handler caches its result for the
            // request, so asking again costs no second key lookup and tells a refused key from a missing one.
            var failure = (await context.AuthenticateAsync(KeyAuthenticationHandler.SchemeName)).Failure;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer, Api-Key";
            // A key that was sent and refused says so; the absent one says how to send one.
            await WriteAsync(context, failure is null ? "Authentication required" : "The key was refused", failure?.Message
                ?? "Send a key in the x-functions-key header, the code query parameter, or an Authorization header (Bearer or Api-Key).");
        }
        else if (authorizeResult.Forbidden)
        {
            var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteAsync(context, "Insufficient capability", reasons.Count > 0 ? string.Join(" ", reasons) : "The key may not do this.");
        }
        else
        {
            await standard.HandleAsync(next, context, policy, authorizeResult);
        }
    }

    private async Task WriteAsync(HttpContext context, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = context.Response.StatusCode, Title = title, Detail = detail },
        });
}
