using Microsoft.AspNetCore.Authorization;

namespace Deployments.Api.Auth;

/// <summary>The one requirement every protected endpoint has: the capability it needs, in the namespace it acts in.</summary>
internal sealed class CapabilityRequirement : IAuthorizationRequirement
{
    public static readonly CapabilityRequirement Instance = new();
}

/// <summary>
/// Checks the caller's capability against what the endpoint needs (<see cref="EndpointCapabilities"/>), and that
/// a token scoped to one namespace does not use a resource of no namespace (clusters' writes, tokens, the
/// operator API). Failures carry a reason that the 403 problem document repeats.
/// </summary>
internal sealed class CapabilityAuthorizationHandler : AuthorizationHandler<CapabilityRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement, HttpContext resource)
    {
        Decide(context, requirement, resource);
        return Task.CompletedTask;
    }

    private void Decide(AuthorizationHandlerContext context, CapabilityRequirement requirement, HttpContext resource)
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
        if (needed.Global && scope != Capabilities.AllNamespaces)
        {
            context.Fail(new AuthorizationFailureReason(this, $"This request needs a key for all namespaces; the token is scoped to namespace '{scope}'."));
            return;
        }

        // A token scoped to one namespace passes here; CallerScope holds it to that namespace wherever the
        // request reads or writes, judged by the resources themselves rather than by what the request says.
        context.Succeed(requirement);
    }
}
