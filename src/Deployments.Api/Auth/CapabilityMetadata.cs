namespace Deployments.Api.Auth;

/// <summary>
/// Endpoint metadata naming the capability an endpoint needs, overriding the rule that derives it from the
/// HTTP method and route (<see cref="EndpointCapabilities"/>). <see cref="Global"/> marks resources that belong
/// to no namespace (tokens, the operator API): only an all-namespaces principal may use them.
/// </summary>
internal sealed record CapabilityMetadata(Capability Required, bool Global = false);

internal static class CapabilityEndpointExtensions
{
    public static TBuilder RequireCapability<TBuilder>(this TBuilder builder, Capability capability, bool global = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CapabilityMetadata(capability, global));
}
