using Deployments.Api.Http;
using Deployments.Service;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Apis;

/// <summary>/api/apps: apps of a namespace, their numbered revisions (secret values redacted) and rollback.</summary>
internal static class AppsApi
{
    public static RouteGroupBuilder MapAppsApi(this RouteGroupBuilder api)
    {
        var apps = api.MapGroup("/apps").WithTags("Apps").WithIdempotentPosts();
        apps.MapPost("/", CreateAsync).Accepts<CreateAppBody>(ApiSetup.JsonContentType);
        apps.MapGet("/", ([FromQuery(Name = "namespace")] string? @namespace, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok(new AppList(await catalog.ListAppsAsync(QueryValues.Namespace(@namespace), ct)))));
        apps.MapGet("/{id}", (Guid id, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok(await catalog.GetAppAsync(id, ct))));
        apps.MapPatch("/{id}", (Guid id, JsonBody<UpdateAppBody> body, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok(await catalog.UpdateAppAsync(id, body.Required.ToUpdate(body.Has(UpdateAppBody.EnvironmentField)), ct))))
            .Accepts<UpdateAppBody>(ApiSetup.JsonContentType);
        apps.MapDelete("/{id}", (Guid id, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () =>
            {
                await catalog.DeleteAppAsync(id, ct);
                return TypedResults.NoContent();
            }));

        apps.MapGet("/{id}/revisions", (Guid id, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok(new RevisionList([.. (await catalog.ListRevisionsAsync(id, ct)).Select(r => r.Redacted())]))));
        apps.MapGet("/{id}/revisions/{number}", (Guid id, int number, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok((await catalog.GetRevisionAsync(id, number, ct)).Redacted())));
        apps.MapPost("/{id}/revisions", (Guid id, JsonBody<RevisionBody> body, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () =>
            {
                var revision = await catalog.CreateRevisionAsync(id, body.Required.ToSpec(), ct);
                return TypedResults.Created($"/api/apps/{id}/revisions/{revision.Number}", revision.Redacted());
            }))
            .Accepts<RevisionBody>(ApiSetup.JsonContentType);
        apps.MapPost("/{id}/rollback", RollbackAsync).Accepts<RollbackBody>(ApiSetup.JsonContentType);
        return api;
    }

    private static Task<IResult> CreateAsync(JsonBody<CreateAppBody> body, CatalogService catalog, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            var request = body.Required;
            RequiredFields.Check(("cluster_id", request.ClusterId is not null));
            var app = await catalog.CreateAppAsync(request.ToRequest(), ct);
            return TypedResults.Created($"/api/apps/{app.Id}", app);
        });

    /// <summary>The rollback is a new deployment that runs on its own: 202, with its Location to follow it.</summary>
    private static Task<IResult> RollbackAsync(Guid id, JsonBody<RollbackBody> body, HttpContext http, DeploymentService service, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            var request = body.Value ?? new RollbackBody();
            DeploymentBodyRules.CheckReason(request.Reason);
            var deployment = await service.RollbackAsync(new RollbackCommand(id, request.Revision, Actor.Of(http.User), request.Reason), ct);
            return AcceptedWork.At($"/api/deployments/{deployment.Id}", DeploymentResource.From(deployment));
        });
}
