using Deployments.Api.Auth;
using Deployments.Api.Http;
using Deployments.Service;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Apis;

/// <summary>/api/apps: apps of a namespace, their numbered revisions (secret values redacted) and rollback.</summary>
internal static class AppsApi
{
    public static RouteGroupBuilder MapAppsApi(this RouteGroupBuilder api)
    {
        var apps = api.MapGroup("/apps").WithTags("Apps").WithIdempotentPosts()
            .AuthorizedById<AppCatalog>((catalog, id, ct) => catalog.GetAppAsync(id, ct));
        apps.MapPost("/", CreateAsync).Accepts<CreateAppBody>(ApiSetup.JsonContentType).WithName("CreateApp");
        apps.MapGet("/", async ([FromQuery(Name = "namespace")] string? @namespace, AppCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(new AppList([.. (await catalog.ListAppsAsync(QueryValues.Namespace(@namespace), ct)).Select(AppResource.From)])))
            .WithName("ListApps");
        apps.MapGet("/{id}", async (Guid id, AppCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(AppResource.From(await catalog.GetAppAsync(id, ct))))
            .WithName("GetApp");
        apps.MapPatch("/{id}", async (Guid id, JsonBody<UpdateAppBody> body, AppCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(AppResource.From(await catalog.UpdateAppAsync(id, body.Required.ToUpdate(body.Has(UpdateAppBody.EnvironmentField)), ct))))
            .Accepts<UpdateAppBody>(ApiSetup.JsonContentType)
            .WithName("UpdateApp");
        apps.MapDelete("/{id}", async (Guid id, AppCatalog catalog, CancellationToken ct) =>
        {
            await catalog.DeleteAppAsync(id, ct);
            return TypedResults.NoContent();
        })
            .WithName("DeleteApp");

        apps.MapGet("/{id}/revisions", async (Guid id, AppCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(new RevisionList([.. (await catalog.ListRevisionsAsync(id, ct)).Select(RevisionResource.From)])))
            .WithName("ListRevisions");
        apps.MapGet("/{id}/revisions/{number}", async (Guid id, int number, AppCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(RevisionResource.From(await catalog.GetRevisionAsync(id, number, ct))))
            .WithName("GetRevision");
        apps.MapPost("/{id}/revisions", async (Guid id, JsonBody<RevisionBody> body, AppCatalog catalog, CancellationToken ct) =>
        {
            var revision = await catalog.CreateRevisionAsync(id, body.Required.ToSpec(), ct);
            return TypedResults.Created($"/api/apps/{id}/revisions/{revision.Number}", RevisionResource.From(revision));
        })
            .Accepts<RevisionBody>(ApiSetup.JsonContentType)
            .WithName("CreateRevision");
        apps.MapPost("/{id}/rollback", RollbackAsync).Accepts<RollbackBody>(ApiSetup.JsonContentType).WithName("RollbackApp");
        return api;
    }

    private static async Task<Created<AppResource>> CreateAsync([FromQuery(Name = "namespace")] string? @namespace, JsonBody<CreateAppBody> body, AppCatalog catalog, CancellationToken ct)
    {
        var request = body.Required;
        RequiredFields.Check(("cluster_id", request.ClusterId is not null));
        var app = await catalog.CreateAppAsync(request.ToRequest() with { Namespace = QueryValues.CreateIn(@namespace, request.Namespace) }, ct);
        return TypedResults.Created($"/api/apps/{app.Id}", AppResource.From(app));
    }

    /// <summary>The rollback is a new deployment that runs on its own: 202, with its Location to follow it.</summary>
    private static async Task<AcceptedWork<DeploymentResource>> RollbackAsync(Guid id, JsonBody<RollbackBody> body, HttpContext http, DeploymentRollbacks rollbacks, CancellationToken ct)
    {
        var request = body.Value ?? new RollbackBody();
        DeploymentBodyRules.CheckReason(request.Reason);
        var deployment = await rollbacks.RollbackAsync(new RollbackCommand(id, request.Revision, Actor.Of(http.User), request.Reason), ct);
        return AcceptedWork.At($"/api/deployments/{deployment.Id}", DeploymentResource.From(deployment));
    }
}
