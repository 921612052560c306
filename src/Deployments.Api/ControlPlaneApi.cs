using Deployments.Api.Apis;
using Deployments.Api.Auth;
using Deployments.Api.Dashboard;
using Deployments.Api.Hooks;
using Deployments.Api.Http;
using Deployments.Api.Http.RateLimits;
using Deployments.Api.OpenApi;
using Deployments.Api.Operator;
using Deployments.Api.Seeds;
using Deployments.Api.Telemetry;
using Scalar.AspNetCore;

namespace Deployments.Api;

/// <summary>
/// The control plane's HTTP API, defined once for both hosts: the self-host maps it into its web app, the
/// Functions app runs the same pipeline behind one function per operation.
/// </summary>
public static class ControlPlaneApi
{
    /// <summary>Where each OpenAPI document is served; the docs page and the Functions app's route table point here.</summary>
    public const string OpenApiRoute = "/api/openapi/{documentName}.json";

    /// <summary>Handlers, auth, idempotency, webhooks, problem details, OpenAPI and health checks. Needs the deployment services.</summary>
    public static IServiceCollection AddControlPlaneApi(this IServiceCollection services, string tablePrefix, AdminKeyDisplay adminKeyDisplay)
    {
        services.AddApiServices(tablePrefix);
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddSeedApis();
        services.AddProblemDetails();
        services.AddApiDocument();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        services.AddControlPlaneAuth(adminKeyDisplay);
        services.AddWebhooks();
        services.AddControlPlaneRateLimits();
        return services;
    }

    /// <summary>
    /// The middleware every API request passes: the log scope of the deployment its route names, problem details for
    /// errors, the failed-authentication limit per address, then key authentication, capability checks, the token's
    /// namespace scope for everything the request reaches, and the rate limits of the anonymous webhook routes.
    /// </summary>
    public static IApplicationBuilder UseControlPlaneApi(this IApplicationBuilder app) => app
        .UseDeploymentLogScope()
        .UseExceptionHandler()
        .UseStatusCodePages()
        .UseFailedAuthenticationLimit()
        .UseAuthentication()
        .UseAuthorization()
        .UseCallerScope()
        .UseRateLimiter();

    /// <summary>Every route of the API: resources, tokens, webhooks, health, the OpenAPI documents and their reference page, the dashboard, the seed APIs.</summary>
    public static IEndpointRouteBuilder MapControlPlaneApi(this IEndpointRouteBuilder app)
    {
        // The document and its reference page describe the API and hold no data: open, so the page can load
        // and then ask for the key (the document's security scheme) that its requests send.
        app.MapOpenApi(OpenApiRoute).AllowAnonymous();
        // Everything the page needs comes from this server: the CDN fonts and the telemetry would send every
        // reader's visit elsewhere, and where outbound traffic is blocked they hold the page's load for a long time.
        app.MapScalarApiReference("/api/docs", options => options.WithOpenApiRoutePattern(OpenApiRoute).DisableDefaultFonts().DisableTelemetry())
            .AllowAnonymous();
        app.MapDashboardApi();
        app.MapHealthChecks("/api/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/api/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        var api = app.MapGroup("/api").WithProblemResponses();
        api.MapDeploymentsApi();
        api.MapCatalogApis();
        api.MapTokensApi();
        api.MapTokenSelfApi();
        api.MapHooksApi();
        api.MapPrometheusApi();
        app.MapSeedApis();
        return app;
    }

    /// <summary>The dashboard page at the site's root, for the self-host: under the Functions host the root is the host's own.</summary>
    public static IEndpointRouteBuilder MapDashboardRoot(this IEndpointRouteBuilder app) => DashboardApi.MapDashboardRoot(app);

    /// <summary>
    /// Durable Functions' instance management API at its own paths, for the self-host: under the Functions
    /// host the real one is served by the host itself.
    /// </summary>
    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder app) => app.MapDurableTaskOperatorApi();
}
