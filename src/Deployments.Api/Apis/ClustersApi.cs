using Deployments.Api.Http;
using Deployments.Service;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deployments.Api.Apis;

/// <summary>/api/clusters: where apps run, and which target driver acts there.</summary>
internal static class ClustersApi
{
    public static RouteGroupBuilder MapClustersApi(this RouteGroupBuilder api)
    {
        var clusters = api.MapGroup("/clusters").WithTags("Clusters").WithIdempotentPosts();
        clusters.MapPost("/", CreateAsync).Accepts<CreateClusterBody>(ApiSetup.JsonContentType).WithName("CreateCluster");
        clusters.MapGet("/", async (ClusterCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(new ClusterList([.. (await catalog.ListClustersAsync(ct)).Select(ClusterResource.From)])))
            .WithName("ListClusters");
        clusters.MapGet("/{id}", async (Guid id, ClusterCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(ClusterResource.From(await catalog.GetClusterAsync(id, ct))))
            .WithName("GetCluster");
        clusters.MapPatch("/{id}", async (Guid id, JsonBody<UpdateClusterBody> body, ClusterCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(ClusterResource.From(await catalog.UpdateClusterAsync(id, body.Required.ToUpdate(), ct))))
            .Accepts<UpdateClusterBody>(ApiSetup.JsonContentType)
            .WithName("UpdateCluster");
        clusters.MapDelete("/{id}", async (Guid id, ClusterCatalog catalog, CancellationToken ct) =>
        {
            await catalog.DeleteClusterAsync(id, ct);
            return TypedResults.NoContent();
        })
            .WithName("DeleteCluster");
        return api;
    }

    private static async Task<Created<ClusterResource>> CreateAsync(JsonBody<CreateClusterBody> body, ClusterCatalog catalog, CancellationToken ct)
    {
        var request = body.Required;
        var cluster = await catalog.CreateClusterAsync(request.Name ?? string.Empty, request.Region ?? string.Empty, request.Kind,
            request.Driver ?? string.Empty, request.DriverSettings, ct);
        return TypedResults.Created($"/api/clusters/{cluster.Id}", ClusterResource.From(cluster));
    }
}
