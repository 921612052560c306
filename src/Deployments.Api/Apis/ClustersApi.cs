using Deployments.Api.Http;
using Deployments.Model;
using Deployments.Service;

namespace Deployments.Api.Apis;

/// <summary>/api/clusters: where apps run, and which target driver acts there.</summary>
internal static class ClustersApi
{
    public static RouteGroupBuilder MapClustersApi(this RouteGroupBuilder api)
    {
        var clusters = api.MapGroup("/clusters").WithTags("Clusters").WithIdempotentPosts();
        clusters.MapPost("/", CreateAsync).Accepts<CreateClusterBody>(ApiSetup.JsonContentType);
        clusters.MapGet("/", async (CatalogService catalog, CancellationToken ct) =>
            TypedResults.Ok(new ClusterList([.. (await catalog.ListClustersAsync(ct)).Select(Redacted)])));
        clusters.MapGet("/{id}", (Guid id, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok(Redacted(await catalog.GetClusterAsync(id, ct)))));
        clusters.MapPatch("/{id}", (Guid id, JsonBody<UpdateClusterBody> body, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () => TypedResults.Ok(Redacted(await catalog.UpdateClusterAsync(id, body.Required.ToUpdate(), ct)))))
            .Accepts<UpdateClusterBody>(ApiSetup.JsonContentType);
        clusters.MapDelete("/{id}", (Guid id, CatalogService catalog, CancellationToken ct) =>
            ProblemResults.Guard(async () =>
            {
                await catalog.DeleteClusterAsync(id, ct);
                return TypedResults.NoContent();
            }));
        return api;
    }

    private static Task<IResult> CreateAsync(JsonBody<CreateClusterBody> body, CatalogService catalog, CancellationToken ct) =>
        ProblemResults.Guard(async () =>
        {
            var request = body.Required;
            var cluster = await catalog.CreateClusterAsync(request.Name ?? string.Empty, request.Region ?? string.Empty, request.Kind,
                request.Driver ?? string.Empty, request.DriverSettings, ct);
            return TypedResults.Created($"/api/clusters/{cluster.Id}", Redacted(cluster));
        });

    /// <summary>Driver settings may hold credentials (a webhook driver's signing secret): accepted, never shown.</summary>
    private static Cluster Redacted(Cluster cluster) => cluster with
    {
        DriverSettings = cluster.DriverSettings.Where(setting => !IsCredential(setting.Key)).ToDictionary(),
    };

    private static bool IsCredential(string key) =>
        key.Contains("secret", StringComparison.OrdinalIgnoreCase) || key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("token", StringComparison.OrdinalIgnoreCase) || key.Contains("key", StringComparison.OrdinalIgnoreCase);
}
