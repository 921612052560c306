using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/clusters.</summary>
public sealed class ClusterFunctions(ApiPipeline api)
{
    [Function("CreateCluster")]
    public Task<IActionResult> CreateCluster([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clusters")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ListClusters")]
    public Task<IActionResult> ListClusters([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clusters")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("GetCluster")]
    public Task<IActionResult> GetCluster([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clusters/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("UpdateCluster")]
    public Task<IActionResult> UpdateCluster([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "clusters/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("DeleteCluster")]
    public Task<IActionResult> DeleteCluster([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clusters/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
