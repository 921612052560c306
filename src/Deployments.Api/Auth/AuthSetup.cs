using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Deployments.Api.Auth;

/// <summary>
/// Every endpoint needs a key unless it says <c>AllowAnonymous</c> (health, signed webhooks, and the files of
/// the API reference and the dashboard, which hold no data): the fallback policy applies the capability rule
/// to whatever the API maps, so a new endpoint is protected without opting in.
/// </summary>
internal static class AuthSetup
{
    public static IServiceCollection AddControlPlaneAuth(this IServiceCollection services, AdminKeyDisplay display)
    {
        services.AddSingleton(display);
        // The hosting layer logs each request's URL with its query string, where a `code` key may be:
        // keep those lines out unless someone asks for them by name in configuration.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        services.AddSingleton<AdminKeyStore>();
        services.AddSingleton<AccessTokenStore>();
        services.AddHostedService<AdminKeyAnnouncer>();
        services.AddAuthentication(KeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, KeyAuthenticationHandler>(KeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, CapabilityAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder(KeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .AddRequirements(CapabilityRequirement.Instance)
            .Build());
        return services;
    }
}
