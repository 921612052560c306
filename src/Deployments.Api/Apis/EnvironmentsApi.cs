using Deployments.Api.Http;
using Deployments.Service;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Apis;

/// <summary>/api/environments: named stages of a namespace (<c>?namespace=</c>, "default" when absent), and promotion into them.</summary>
internal static class EnvironmentsApi
{
    public static RouteGroupBuilder MapEnvironmentsApi(this RouteGroupBuilder api)
    {
        var environments = api.MapGroup("/environments").WithTags("Environments").WithIdempotentPosts();
        environments.MapPost("/", CreateAsync).Accepts<CreateEnvironmentBody>(ApiSetup.JsonContentType).WithName("CreateEnvironment");
        environments.MapGet("/", async ([FromQuery(Name = "namespace")] string? @namespace, EnvironmentCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(new EnvironmentList([.. (await catalog.ListEnvironmentsAsync(QueryValues.Namespace(@namespace), ct)).Select(EnvironmentResource.From)])))
            .WithName("ListEnvironments");
        environments.MapGet("/{name}", async (string name, [FromQuery(Name = "namespace")] string? @namespace, EnvironmentCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(EnvironmentResource.From(await catalog.GetEnvironmentAsync(QueryValues.Namespace(@namespace), name, ct))))
            .WithName("GetEnvironment");
        environments.MapPatch("/{name}", UpdateAsync).Accepts<UpdateEnvironmentBody>(ApiSetup.JsonContentType).WithName("UpdateEnvironment");
        environments.MapDelete("/{name}", async (string name, [FromQuery(Name = "namespace")] string? @namespace, EnvironmentCatalog catalog, CancellationToken ct) =>
        {
            await catalog.DeleteEnvironmentAsync(QueryValues.Namespace(@namespace), name, ct);
            return TypedResults.NoContent();
        })
            .WithName("DeleteEnvironment");
        environments.MapPost("/{name}/promote", PromoteAsync).Accepts<PromoteToEnvironmentBody>(ApiSetup.JsonContentType).WithName("PromoteToEnvironment");
        return api;
    }

    private static async Task<Created<EnvironmentResource>> CreateAsync([FromQuery(Name = "namespace")] string? @namespace, JsonBody<CreateEnvironmentBody> body, EnvironmentCatalog catalog, CancellationToken ct)
    {
        var request = body.Required;
        RequiredFields.Check(("cluster_id", request.ClusterId is not null));
        var environment = await catalog.CreateEnvironmentAsync(request.Name ?? string.Empty, QueryValues.CreateIn(@namespace, request.Namespace), request.ClusterId.GetValueOrDefault(),
            request.Order, request.RequiresApproval, request.ApprovalExpiry, ct);
        return TypedResults.Created(Location(environment.Namespace, environment.Name), EnvironmentResource.From(environment));
    }

    private static async Task<Ok<EnvironmentResource>> UpdateAsync(string name, [FromQuery(Name = "namespace")] string? @namespace, JsonBody<UpdateEnvironmentBody> body, EnvironmentCatalog catalog, CancellationToken ct)
    {
        var update = body.Required.ToUpdate(body.Has(UpdateEnvironmentBody.ApprovalExpiryField));
        return TypedResults.Ok(EnvironmentResource.From(await catalog.UpdateEnvironmentAsync(QueryValues.Namespace(@namespace), name, update, ct)));
    }

    /// <summary>200 with the outcome when the deployment is live at once; 202 when the environment waits for an approval.</summary>
    private static async Task<Results<Ok<EnvironmentPromotionResult>, AcceptedWork<EnvironmentPromotionResult>>> PromoteAsync(
        string name, [FromQuery(Name = "namespace")] string? @namespace, JsonBody<PromoteToEnvironmentBody> body, HttpContext http,
        EnvironmentCatalog catalog, DeploymentPromotions promotions, CancellationToken ct)
    {
        var request = body.Required;
        RequiredFields.Check(("deployment_id", request.DeploymentId is not null));
        var deploymentId = request.DeploymentId.GetValueOrDefault();
        var environment = await catalog.GetEnvironmentAsync(QueryValues.Namespace(@namespace), name, ct);
        var result = await promotions.PromoteToEnvironmentAsync(environment.Namespace, environment.Name, deploymentId, request.ScaleDownPreviousDeployment, Actor.Of(http.User), ct);
        return result.AwaitingApproval ? AcceptedWork.At($"/api/deployments/{deploymentId}", result) : TypedResults.Ok(result);
    }

    private static string Location(string @namespace, string name) => $"/api/environments/{name}?namespace={@namespace}";
}
