using Deployments.Api.Http;
using Deployments.Service;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Apis;

/// <summary>/api/environments: named stages of a namespace (<c>?namespace=</c>, "default" when absent), and promotion into them.</summary>
internal static class EnvironmentsApi
{
    public static RouteGroupBuilder MapEnvironmentsApi(this RouteGroupBuilder api)
    {
        var environments = api.MapGroup("/environments").WithTags("Environments").WithIdempotentPosts();
        environments.MapPost("/", CreateAsync).Accepts<CreateEnvironmentBody>(ApiSetup.JsonContentType);
        environments.MapGet("/", ([FromQuery(Name = "namespace")] string? @namespace, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok(new EnvironmentList(await catalog.ListEnvironmentsAsync(QueryValues.Namespace(@namespace), ct)))));
        environments.MapGet("/{name}", (string name, [FromQuery(Name = "namespace")] string? @namespace, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok(await catalog.GetEnvironmentAsync(QueryValues.Namespace(@namespace), name, ct))));
        environments.MapPatch("/{name}", UpdateAsync).Accepts<UpdateEnvironmentBody>(ApiSetup.JsonContentType);
        environments.MapDelete("/{name}", (string name, [FromQuery(Name = "namespace")] string? @namespace, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () =>
            {
                await catalog.DeleteEnvironmentAsync(QueryValues.Namespace(@namespace), name, ct);
                return TypedResults.NoContent();
            }));
        environments.MapPost("/{name}/promote", PromoteAsync).Accepts<PromoteToEnvironmentBody>(ApiSetup.JsonContentType);
        return api;
    }

    private static Task<IResult> CreateAsync(JsonBody<CreateEnvironmentBody> body, CatalogService catalog, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            var request = body.Required;
            RequiredFields.Check(("cluster_id", request.ClusterId is not null));
            var environment = await catalog.CreateEnvironmentAsync(request.Name ?? string.Empty, request.Namespace, request.ClusterId.GetValueOrDefault(),
                request.Order, request.RequiresApproval, request.ApprovalExpiry, ct);
            return TypedResults.Created(Location(environment.Namespace, environment.Name), environment);
        });

    private static Task<IResult> UpdateAsync(string name, [FromQuery(Name = "namespace")] string? @namespace, JsonBody<UpdateEnvironmentBody> body, CatalogService catalog, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            var update = body.Required.ToUpdate(body.Has(UpdateEnvironmentBody.ApprovalExpiryField));
            return TypedResults.Ok(await catalog.UpdateEnvironmentAsync(QueryValues.Namespace(@namespace), name, update, ct));
        });

    /// <summary>200 with the outcome when the deployment is live at once; 202 when the environment waits for an approval.</summary>
    private static Task<IResult> PromoteAsync(
        string name, [FromQuery(Name = "namespace")] string? @namespace, JsonBody<PromoteToEnvironmentBody> body, HttpContext http,
        CatalogService catalog, DeploymentService service, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            var request = body.Required;
            RequiredFields.Check(("deployment_id", request.DeploymentId is not null));
            var deploymentId = request.DeploymentId.GetValueOrDefault();
            var environment = await catalog.GetEnvironmentAsync(QueryValues.Namespace(@namespace), name, ct);
            var result = await service.PromoteToEnvironmentAsync(environment.Namespace, environment.Name, deploymentId, request.ScaleDownPrevious, Actor.Of(http.User), ct);
            return result.AwaitingApproval ? AcceptedWork.At($"/api/deployments/{deploymentId}", result) : TypedResults.Ok(result);
        });

    private static string Location(string @namespace, string name) => $"/api/environments/{name}?namespace={@namespace}";
}
