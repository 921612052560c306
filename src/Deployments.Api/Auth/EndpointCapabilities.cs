namespace Deployments.Api.Auth;

/// <summary>
/// The capability an endpoint needs when it does not say (<see cref="CapabilityMetadata"/>), derived from its
/// method and route so that every resource API is covered without each endpoint opting in:
/// reads need <c>read</c>; creating and commanding deployments (including the promote and rollback commands
/// on environments, pipelines and apps, which start deployments) needs <c>submit</c>; every other write is a
/// catalog change and needs <c>admin</c>. Clusters belong to no namespace, so writing them needs an
/// all-namespaces admin.
/// </summary>
internal static class EndpointCapabilities
{
    private static readonly HashSet<string> DeploymentCommands = new(StringComparer.Ordinal) { "promote", "rollback" };

    public static CapabilityMetadata For(Endpoint endpoint, string method) =>
        endpoint.Metadata.GetMetadata<CapabilityMetadata>()
        ?? For((endpoint as RouteEndpoint)?.RoutePattern.RawText ?? string.Empty, method);

    public static CapabilityMetadata For(string routePattern, string method)
    {
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            return new(Capability.Read);
        }

        var segments = routePattern.Trim('/').Split('/');
        var resource = segments is ["api", var name, ..] ? name : string.Empty;
        if (resource == "deployments" || DeploymentCommands.Contains(segments[^1]))
        {
            return new(Capability.Submit);
        }

        return new(Capability.Admin, Global: resource == "clusters");
    }
}
