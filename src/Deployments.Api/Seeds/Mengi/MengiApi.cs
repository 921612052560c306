using Deployments.Api.Apis;
using Deployments.Api.Auth;
using Deployments.Api.Http;
using Deployments.Api.Seeds.Mengi.FastApi;
using Deployments.Service;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Seeds.Mengi;

/// <summary>
/// Mengi's promotion to another cluster as its document describes it: <c>POST /deployments/{deployment_id}/promote</c>
/// with a <c>DeploymentPromotionRequest</c>, answered 200 with a <c>DeploymentPromotionResponse</c>, errors as FastAPI
/// writes them. The same use case as the API's own <c>promote-to-cluster</c>.
/// </summary>
internal static class MengiApi
{
    public const string Document = "mengi";

    public static IServiceCollection AddMengiDocument(this IServiceCollection services) => services.AddSeedDocument(Document, "Mengi deployments",
        "Mengi's promotion of a deployment to another cluster at its own path: the deployment's configuration becomes a new deployment there, promoting until it runs.",
        "bearer", SeedDocument.BearerKey("Mengi's document shows none, this API needs one."));

    public static IEndpointRouteBuilder MapMengiApi(this IEndpointRouteBuilder app)
    {
        var deployments = app.MapSeedGroup("/deployments", Document, new MengiErrorFormat())
            .NamesDeployment("deployment_id");
        deployments.MapPost("/{deployment_id}/promote", PromoteAsync)
            .TakesJsonBody<DeploymentPromotionRequest>()
            .Produces<HTTPValidationError>(StatusCodes.Status422UnprocessableEntity)
            .Produces<HTTPError>(StatusCodes.Status404NotFound)
            .RequireCapability(Capability.Submit)
            .WithName("MengiPromoteDeployment")
            .WithSummary("Promote Deployment")
            .WithDescription("Promote/migrate a deployment to another cluster: its configuration, with the overrides, becomes a new deployment there, promoting until it runs.");
        return app;
    }

    private static async Task<DeploymentPromotionResponse> PromoteAsync(
        [FromRoute(Name = "deployment_id")] Guid deploymentId, JsonBody<DeploymentPromotionRequest> body, HttpContext http, DeploymentPromotions promotions, CancellationToken ct)
    {
        var request = body.Required;
        RequiredFields.Check(("target_cluster_id", request.TargetClusterId is not null));
        var promotion = MengiPromotion.Of(request);
        var result = await promotions.PromoteToClusterAsync(new PromoteToClusterRequest(deploymentId, request.TargetClusterId.GetValueOrDefault(), Actor.Of(http.User),
            promotion.Name, request.DeleteSource, promotion.Overrides, promotion.Annotations), ct);
        return new DeploymentPromotionResponse(result.SourceDeploymentId, result.NewDeploymentId, result.TargetClusterId, result.SourceDeleted,
            promotion.Notes.Count == 0 ? result.Message : $"{result.Message}. {string.Join(" ", promotion.Notes)}");
    }
}
