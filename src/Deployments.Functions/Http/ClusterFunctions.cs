using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Deployments.Functions.Http;

/// <summary>/api/clusters.</summary>
internal sealed class ClusterFunctions(ApiPipeline api)
{
    [Function("CreateCluster")]
    public Task<IActionResult> CreateCluster([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clusters")] HttpRequest request) =>
        api.RunAsync(request);

    [Function("ListClusters")]
    public Task<IActionResult> ListClusters([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clusters")] HttpRequest request) =>
        api.RunAsync(request);

    [Function("GetCluster")]
    public Task<IActionResult> GetCluster([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clusters/{id}")] HttpRequest request) =>
        api.RunAsync(request);

    [Function("UpdateCluster")]
    public Task<IActionResult> UpdateCluster([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "clusters/{id}")] HttpRequest request) =>
        api.RunAsync(request);

    [Function("DeleteCluster")]
    public Task<IActionResult> DeleteCluster([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clusters/{id}")] HttpRequest request) =>
        api.RunAsync(request);
}
