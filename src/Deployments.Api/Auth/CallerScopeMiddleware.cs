using Deployments.Rules;

namespace Deployments.Api.Auth;

/// <summary>
/// Confines the rest of the request to the namespace of the token that authenticated it, so the domain
/// checks every resource the request reaches (<see cref="CallerScope"/>). The admin key, all-namespaces
/// tokens and anonymous endpoints (signed webhooks, health) are not confined.
/// </summary>
internal static class CallerScopeMiddleware
{
    public static IApplicationBuilder UseCallerScope(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var scope = http.User.FindFirst(Capabilities.NamespaceClaimType)?.Value;
        using (CallerScope.Enter(scope is null or Capabilities.AllNamespaces ? null : scope))
        {
            // A namespace the request names in its query is authorised here, before its body is read: a token
            // that may not act there is told 403 whatever else the request gets wrong.
            if (http.Request.Query.TryGetValue("namespace", out var named) && named is [{ } @namespace] && Names.IsValid(@namespace))
            {
                CallerScope.Demand(@namespace);
            }

            await next(http);
        }
    });
}
