using Deployments.Api.Apis;
using Deployments.Api.Auth;
using Deployments.Api.Http;
using Deployments.Refusals;
using Deployments.Service;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deployments.Api.Seeds.Sevalla;

/// <summary>
/// Sevalla's pipeline promotion as its document describes it: <c>POST /v3/pipelines/{id}/promote</c> with a
/// bearer key, <c>source_app_id</c> and at least one of <c>target_app_ids</c>, answered 200 with the bare array
/// of each target and the deployment it received.
/// </summary>
internal static class SevallaApi
{
    public const string Document = "sevalla";

    public static IServiceCollection AddSevallaDocument(this IServiceCollection services) => services.AddSeedDocument(Document, "Sevalla pipelines",
        "Sevalla's pipeline promotion at its own path: the source app's latest successful deployment to each target app.",
        "bearer", SeedDocument.BearerKey());

    public static IEndpointRouteBuilder MapSevallaApi(this IEndpointRouteBuilder app)
    {
        var pipelines = app.MapSeedGroup("/v3/pipelines", Document, errors: null);
        pipelines.MapPost("/{id}/promote", PromoteAsync)
            .TakesJsonBody<SevallaPromoteBody>()
            .RequireCapability(Capability.Submit)
            .WithName("SevallaPromotePipeline")
            .WithSummary("Promote pipeline");
        return app;
    }

    /// <summary>
    /// Every target gets its deployment or none does the asking any good: a target that could not start makes the
    /// answer a 409 naming it and why, with the deployments the other targets did start, since they run regardless.
    /// </summary>
    private static async Task<Results<Ok<List<SevallaPromotedTarget>>, ProblemHttpResult>> PromoteAsync(
        Guid id, JsonBody<SevallaPromoteBody> body, HttpContext http, DeploymentPromotions promotions, CancellationToken ct)
    {
        var request = body.Required;
        RequiredFields.Check(("source_app_id", request.SourceAppId is not null), ("target_app_ids", request.TargetAppIds is not null));
        if (request.TargetAppIds is [])
        {
            throw new ValidationException([new ValidationError("target_app_ids", "must list at least 1 app")]);
        }

        if (request.TargetAppIds!.Distinct().Count() != request.TargetAppIds!.Count)
        {
            throw new ValidationException([new ValidationError("target_app_ids", "lists an app more than once")]);
        }

        var result = await promotions.PromotePipelineAsync(id, request.SourceAppId.GetValueOrDefault(), request.TargetAppIds, Actor.Of(http.User), ct);
        var started = result.Targets.Where(t => t.DeploymentId is not null).Select(t => new SevallaPromotedTarget(t.AppId, t.DeploymentId!.Value)).ToList();
        if (result.Targets.Where(t => t.DeploymentId is null).ToList() is { Count: > 0 } failed)
        {
            var problem = ProblemResults.Problem(StatusCodes.Status409Conflict, "Not every target app could be promoted",
                string.Join(" ", failed.Select(t => $"App {t.AppId}: {t.Error}")), "target_app_ids");
            problem.ProblemDetails.Extensions["started"] = started;
            return problem;
        }

        return TypedResults.Ok(started);
    }
}
