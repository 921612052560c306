using Microsoft.AspNetCore.Authorization;

namespace Deployments.Api.Auth;

/// <summary>The one requirement every protected endpoint has: the capability it needs, in the namespace it acts in.</summary>
internal sealed class CapabilityRequirement : IAuthorizationRequirement
{
    public static readonly CapabilityRequirement Instance = new();
}

/// <summary>
/// Checks the caller's capability against what the endpoint needs (<see cref="EndpointCapabilities"/>), then,
/// for a token scoped to one namespace, that the request acts in that namespace. Failures carry a reason
/// that the 403 problem document repeats.
/// </summary>
internal sealed class CapabilityAuthorizationHandler(RequestNamespace namespaces) : AuthorizationHandler<CapabilityRequirement, HttpContext>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement, HttpContext resource)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (resource.GetEndpoint() is not { } endpoint)
        {
            // No route matched: let the request fall through to the 404, for any valid key.
            context.Succeed(requirement);
            return;
        }

        var needed = EndpointCapabilities.For(endpoint, resource.Request.Method);
        var held = Capabilities.TryParse(context.User.FindFirst(Capabilities.ClaimType)?.Value, out var parsed) ? parsed : 0;
        if (held < needed.Required)
        {
            context.Fail(new AuthorizationFailureReason(this, $"This request needs the '{needed.Required.Name()}' capability; the key has '{(held == 0 ? "none" : held.Name())}'."));
            return;
        }

        var scope = context.User.FindFirst(Capabilities.NamespaceClaimType)?.Value;
        if (scope == Capabilities.AllNamespaces)
        {
            context.Succeed(requirement);
            return;
        }

        if (needed.Global)
        {
            context.Fail(new AuthorizationFailureReason(this, $"This request needs a key for all namespaces; the token is scoped to namespace '{scope}'."));
            return;
        }

        var acting = await namespaces.ResolveAsync(resource, resource.RequestAborted);
        if (acting is null || acting == scope)
        {
            context.Succeed(requirement);
            return;
        }

        context.Fail(new AuthorizationFailureReason(this, acting == RequestNamespace.Undetermined
            ? $"The token is scoped to namespace '{scope}' and the request's namespace cannot be read from its body (larger than 1 MiB)."
            : $"The token is scoped to namespace '{scope}'; this request acts in namespace '{acting}'."));
    }
}
