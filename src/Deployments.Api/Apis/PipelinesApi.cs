using Deployments.Api.Auth;
using Deployments.Api.Http;
using Deployments.Refusals;
using Deployments.Service;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Apis;

/// <summary>/api/pipelines: ordered stages of apps, and promotion from one app to many.</summary>
internal static class PipelinesApi
{
    public static RouteGroupBuilder MapPipelinesApi(this RouteGroupBuilder api)
    {
        var pipelines = api.MapGroup("/pipelines").WithTags("Pipelines").WithIdempotentPosts()
            .AuthorizedById<PipelineCatalog>((catalog, id, ct) => catalog.GetPipelineAsync(id, ct));
        pipelines.MapPost("/", CreateAsync).Accepts<CreatePipelineBody>(ApiSetup.JsonContentType).WithName("CreatePipeline");
        pipelines.MapGet("/", async ([FromQuery(Name = "namespace")] string? @namespace, PipelineCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(new PipelineList([.. (await catalog.ListPipelinesAsync(QueryValues.Namespace(@namespace), ct)).Select(PipelineResource.From)])))
            .WithName("ListPipelines");
        pipelines.MapGet("/{id}", async (Guid id, PipelineCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(PipelineResource.From(await catalog.GetPipelineAsync(id, ct))))
            .WithName("GetPipeline");
        pipelines.MapPatch("/{id}", async (Guid id, JsonBody<UpdatePipelineBody> body, PipelineCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(PipelineResource.From(await catalog.UpdatePipelineAsync(id, body.Required.ToUpdate(), ct))))
            .Accepts<UpdatePipelineBody>(ApiSetup.JsonContentType)
            .WithName("UpdatePipeline");
        pipelines.MapDelete("/{id}", async (Guid id, PipelineCatalog catalog, CancellationToken ct) =>
        {
            await catalog.DeletePipelineAsync(id, ct);
            return TypedResults.NoContent();
        })
            .WithName("DeletePipeline");
        pipelines.MapPost("/{id}/promote", PromoteAsync).Accepts<PromotePipelineBody>(ApiSetup.JsonContentType).WithName("PromotePipeline");
        return api;
    }

    private static async Task<Created<PipelineResource>> CreateAsync([FromQuery(Name = "namespace")] string? @namespace, JsonBody<CreatePipelineBody> body, PipelineCatalog catalog, CancellationToken ct)
    {
        var request = body.Required;
        var pipeline = await catalog.CreatePipelineAsync(request.Name ?? string.Empty, QueryValues.CreateIn(@namespace, request.Namespace), request.Stages ?? [], ct);
        return TypedResults.Created($"/api/pipelines/{pipeline.Id}", PipelineResource.From(pipeline));
    }

    /// <summary>
    /// One deployment per target, each running on its own: 202 with an array of every target's outcome, as
    /// Sevalla answers (a target that could not start says why); Location names the first deployment started, when one was.
    /// </summary>
    private static async Task<AcceptedWork<List<PipelineTargetOutcome>>> PromoteAsync(Guid id, JsonBody<PromotePipelineBody> body, HttpContext http, DeploymentPromotions promotions, CancellationToken ct)
    {
        var request = body.Required;
        RequiredFields.Check(("source_app_id", request.SourceAppId is not null));
        if (request.TargetAppIds is { } targets && targets.Distinct().Count() != targets.Count)
        {
            throw new ValidationException([new ValidationError("target_app_ids", "lists an app more than once")]);
        }

        var result = await promotions.PromotePipelineAsync(id, request.SourceAppId.GetValueOrDefault(), request.TargetAppIds, Actor.Of(http.User), ct);
        var first = result.Targets.FirstOrDefault(t => t.DeploymentId is not null)?.DeploymentId;
        return AcceptedWork.At(first is { } started ? $"/api/deployments/{started}" : null, PipelineTargetOutcome.From(result));
    }
}
