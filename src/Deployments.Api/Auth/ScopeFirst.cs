using Deployments.Rules;

namespace Deployments.Api.Auth;

/// <summary>
/// Authorises a request by the resource its route names before its body is looked at. For a caller confined to
/// one namespace, the resource is read first, and the read refuses one of another namespace (403), so such a
/// caller learns nothing from the validation of what it sent. Unconfined callers pay no extra read.
/// </summary>
internal static class ScopeFirst
{
    public static RouteGroupBuilder AuthorizedById<TService>(this RouteGroupBuilder group, Func<TService, Guid, CancellationToken, Task> read)
        where TService : notnull =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (CallerScope.Namespace is not null && http.GetRouteValue("id") is string text && Guid.TryParse(text, out var id))
            {
                await read(http.RequestServices.GetRequiredService<TService>(), id, http.RequestAborted);
            }

            return await next(context);
        });
}
