using Deployments.Telemetry;

namespace Deployments.Api.Telemetry;

/// <summary>
/// Opens the deployment log scope for a request whose route names a deployment (<c>/api/deployments/{id}/…</c>, a seed's
/// route marked with <see cref="DeploymentRouteValue"/>, or an orchestration instance of one under the operator API), so
/// every line the request causes carries its id.
/// Runs after routing (the self-host's web app routes first; the Functions pipeline calls UseRouting first).
/// </summary>
internal static class DeploymentRequestScope
{
    private const string DeploymentRoutes = "/api/deployments/{id}";

    public static IApplicationBuilder UseDeploymentLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Deployments.Api");
        return app.Use(async (context, next) =>
        {
            using (Begin(logger, context))
            {
                await next(context);
            }
        });
    }

    private static IDisposable? Begin(ILogger logger, HttpContext context)
    {
        var route = context.Request.RouteValues;
        if (route.TryGetValue("instanceId", out var instanceId) && instanceId is string instance)
        {
            return DeploymentLogScope.BeginForInstance(logger, instance);
        }

        var endpoint = context.GetEndpoint();
        var name = endpoint?.Metadata.GetMetadata<DeploymentRouteValue>()?.Name
            ?? ((endpoint as RouteEndpoint)?.RoutePattern.RawText?.StartsWith(DeploymentRoutes, StringComparison.Ordinal) == true ? "id" : null);
        return name is not null && route.TryGetValue(name, out var id) && Guid.TryParse(id as string, out var deploymentId)
            ? DeploymentLogScope.Begin(logger, deploymentId)
            : null;
    }
}
