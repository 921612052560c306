using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/clusters.</summary>
public sealed class ClusterFunctions(ApiPipeline api)
{
    /// <summary>POST /api/clusters: registers a cluster and the driver that places its allocations.</summary>
    [Function("CreateCluster")]
    public Task<IActionResult> CreateCluster([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/clusters")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/clusters: lists the clusters.</summary>
    [Function("ListClusters")]
    public Task<IActionResult> ListClusters([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/clusters")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/clusters/{id}: one cluster.</summary>
    [Function("GetCluster")]
    public Task<IActionResult> GetCluster([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/clusters/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PATCH /api/clusters/{id}: changes a cluster's settings.</summary>
    [Function("UpdateCluster")]
    public Task<IActionResult> UpdateCluster([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/clusters/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>DELETE /api/clusters/{id}: removes a cluster.</summary>
    [Function("DeleteCluster")]
    public Task<IActionResult> DeleteCluster([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/clusters/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
