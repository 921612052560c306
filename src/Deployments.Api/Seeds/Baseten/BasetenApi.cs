using Deployments.Api.Auth;
using Deployments.Api.Http;
using Deployments.Service;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Deployments.Api.Seeds.Baseten;

/// <summary>
/// Baseten's promotion of a chain's (or a model's) deployment to one of its environments, at Baseten's paths with
/// its <c>Api-Key</c> scheme. A chain or a model is an app; the environment is ours of that name in the app's
/// namespace; the deployment goes live there and, unless told not to, the environment's previous one is scaled down.
/// </summary>
internal static class BasetenApi
{
    public const string Document = "baseten";

    public static IServiceCollection AddBasetenDocument(this IServiceCollection services) => services.AddSeedDocument(Document, "Baseten management API",
        "Baseten's promotion of a chain or model deployment to an environment at its own paths: a chain or a model is an app, its chainlets the app's groups.",
        "ApiKeyAuth", new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "Authorization", Description = "Api-Key <key>" })
        .Configure<OpenApiOptions>(Document, options => options.AddSchemaTransformer<RequiredDeploymentId>());

    public static IEndpointRouteBuilder MapBasetenApi(this IEndpointRouteBuilder app)
    {
        app.MapSeedGroup("/v1/chains/{chain_id}/environments", Document, errors: null, anyContentType: true)
            .AuthorizedById<AppCatalog>((catalog, id, ct) => catalog.GetAppAsync(id, ct), routeValue: "chain_id")
            .MapPost("/{env_name}/promote", PromoteChainAsync)
            .TakesJsonBody<PromoteToChainEnvironmentRequestV1>()
            .RequireCapability(Capability.Submit)
            .WithName("BasetenPromoteChainDeployment")
            .WithSummary("Promote to chain environment")
            .WithDescription("Promotes an existing chain deployment to an environment and returns the promoted chain deployment.");
        app.MapSeedGroup("/v1/models/{model_id}/environments", Document, errors: null, anyContentType: true)
            .AuthorizedById<AppCatalog>((catalog, id, ct) => catalog.GetAppAsync(id, ct), routeValue: "model_id")
            .MapPost("/{env_name}/promote", PromoteModelAsync)
            .TakesJsonBody<PromoteToEnvironmentRequestV1>()
            .RequireCapability(Capability.Submit)
            .WithName("BasetenPromoteModelDeployment")
            .WithSummary("Promote to model environment")
            .WithDescription("Promotes an existing deployment to an environment and returns the promoted deployment.");
        return app;
    }

    private static async Task<Ok<ChainDeploymentV1>> PromoteChainAsync(
        [FromRoute(Name = "chain_id")] string chainId, [FromRoute(Name = "env_name")] string envName, JsonBody<PromoteToChainEnvironmentRequestV1> body,
        HttpContext http, [AsParameters] BasetenPromotion promotion, CancellationToken ct)
    {
        var request = body.Required;
        var promoted = await promotion.PromoteAsync("chain", chainId, envName, request.DeploymentId, request.ScaleDownPreviousDeployment, Actor.Of(http.User), ct);
        return TypedResults.Ok(new ChainDeploymentV1(promoted.Deployment.Id.ToString(), promoted.Deployment.CreatedAt, promoted.App.Id.ToString(), promoted.Environment,
            promoted.Chainlets, promoted.Status));
    }

    private static async Task<Ok<DeploymentV1>> PromoteModelAsync(
        [FromRoute(Name = "model_id")] string modelId, [FromRoute(Name = "env_name")] string envName, JsonBody<PromoteToEnvironmentRequestV1> body,
        HttpContext http, [AsParameters] BasetenPromotion promotion, CancellationToken ct)
    {
        var request = body.Required;
        var promoted = await promotion.PromoteAsync("model", modelId, envName, request.DeploymentId, request.ScaleDownPreviousDeployment, Actor.Of(http.User), ct);
        var deployment = promoted.Deployment;
        return TypedResults.Ok(new DeploymentV1(deployment.Id.ToString(), deployment.CreatedAt, $"{promoted.App.Name}-r{deployment.Revision}", promoted.App.Id.ToString(),
            IsProduction: promoted.Environment == ProductionEnvironment, IsDevelopment: false, promoted.Status, promoted.ActiveReplicaCount, promoted.AutoscalingSettings,
            promoted.InstanceTypeName, promoted.Environment));
    }

    /// <summary>Baseten's production environment is the one named so; a development deployment (live-reloaded) has no counterpart here.</summary>
    private const string ProductionEnvironment = "production";
}
