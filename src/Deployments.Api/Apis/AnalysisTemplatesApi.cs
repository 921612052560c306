using Deployments.Api.Http;
using Deployments.Service;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Apis;

/// <summary><c>/api/analysis-templates</c>: the metrics that judge canaries, by namespace and name.</summary>
internal static class AnalysisTemplatesApi
{
    public static RouteGroupBuilder MapAnalysisTemplatesApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/analysis-templates").WithTags("Analysis").WithIdempotentPosts();
        templates.MapPost("/", CreateAsync).Accepts<CreateAnalysisTemplateBody>(ApiSetup.JsonContentType).WithName("CreateAnalysisTemplate");
        templates.MapGet("/", async ([FromQuery(Name = "namespace")] string? @namespace, AnalysisCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(new AnalysisTemplateList([.. (await catalog.ListAsync(QueryValues.Namespace(@namespace), ct)).Select(AnalysisTemplateResource.From)])))
            .WithName("ListAnalysisTemplates");
        templates.MapGet("/{name}", async (string name, [FromQuery(Name = "namespace")] string? @namespace, AnalysisCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(AnalysisTemplateResource.From(await catalog.GetAsync(QueryValues.Namespace(@namespace), name, ct))))
            .WithName("GetAnalysisTemplate");
        templates.MapPatch("/{name}", async (string name, [FromQuery(Name = "namespace")] string? @namespace, JsonBody<UpdateAnalysisTemplateBody> body, AnalysisCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(AnalysisTemplateResource.From(await catalog.UpdateAsync(QueryValues.Namespace(@namespace), name, body.Required.ToUpdate(), ct))))
            .Accepts<UpdateAnalysisTemplateBody>(ApiSetup.JsonContentType)
            .WithName("UpdateAnalysisTemplate");
        templates.MapDelete("/{name}", async (string name, [FromQuery(Name = "namespace")] string? @namespace, AnalysisCatalog catalog, CancellationToken ct) =>
        {
            await catalog.DeleteAsync(QueryValues.Namespace(@namespace), name, ct);
            return TypedResults.NoContent();
        })
            .WithName("DeleteAnalysisTemplate");
        return api;
    }

    private static async Task<Created<AnalysisTemplateResource>> CreateAsync(
        [FromQuery(Name = "namespace")] string? @namespace, JsonBody<CreateAnalysisTemplateBody> body, AnalysisCatalog catalog, CancellationToken ct)
    {
        var request = body.Required;
        var template = await catalog.CreateAsync(request.Name ?? string.Empty, QueryValues.CreateIn(@namespace, request.Namespace), request.Metrics, request.Args, ct);
        return TypedResults.Created($"/api/analysis-templates/{template.Name}?namespace={template.Namespace}", AnalysisTemplateResource.From(template));
    }
}
