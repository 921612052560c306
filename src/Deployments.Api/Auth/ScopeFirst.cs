using Deployments.Rules;

namespace Deployments.Api.Auth;

/// <summary>
/// Authorises a request by the resource its route names before its body is looked at. For a caller confined to
/// one namespace, the resource is read first, and the read refuses one of another namespace (403), so such a
/// caller learns nothing from the validation of what it sent. Unconfined callers pay no extra read.
/// </summary>
internal static class ScopeFirst
{
    /// <param name="group">The routes that name the resource.</param>
    /// <param name="read">Reads the resource, refusing one outside the caller's namespace.</param>
    /// <param name="routeValue">The route parameter holding the resource's id: the seeds name theirs as their documents do.</param>
    public static RouteGroupBuilder AuthorizedById<TService>(this RouteGroupBuilder group, Func<TService, Guid, CancellationToken, Task> read, string routeValue = "id")
        where TService : notnull =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (CallerScope.Namespace is not null && http.GetRouteValue(routeValue) is string text && Guid.TryParse(text, out var id))
            {
                await read(http.RequestServices.GetRequiredService<TService>(), id, http.RequestAborted);
            }

            return await next(context);
        });
}
