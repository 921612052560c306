namespace Deployments.Api.Telemetry;

/// <summary>
/// Endpoint metadata: the route value that holds the id of the deployment a request is about, for routes that do not
/// spell it <c>/api/deployments/{id}</c> (the seed APIs name theirs as their documents do: <c>deployment_id</c>, <c>guid</c>).
/// </summary>
internal sealed record DeploymentRouteValue(string Name);

internal static class DeploymentRouteValueExtensions
{
    /// <summary>Requests to these routes log within the scope of the deployment whose id is in route value <paramref name="name"/>.</summary>
    public static TBuilder NamesDeploymentIn<TBuilder>(this TBuilder builder, string name)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DeploymentRouteValue(name));
}
