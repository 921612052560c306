using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/environments and promotion into them.</summary>
public sealed class EnvironmentFunctions(ApiPipeline api)
{
    [Function("CreateEnvironment")]
    public Task<IActionResult> CreateEnvironment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "environments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ListEnvironments")]
    public Task<IActionResult> ListEnvironments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "environments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("GetEnvironment")]
    public Task<IActionResult> GetEnvironment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "environments/{name}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("UpdateEnvironment")]
    public Task<IActionResult> UpdateEnvironment([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "environments/{name}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("DeleteEnvironment")]
    public Task<IActionResult> DeleteEnvironment([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "environments/{name}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("PromoteToEnvironment")]
    public Task<IActionResult> PromoteToEnvironment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "environments/{name}/promote")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
