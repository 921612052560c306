using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/environments and promotion into them.</summary>
public sealed class EnvironmentFunctions(ApiPipeline api)
{
    /// <summary>POST /api/environments: creates an environment.</summary>
    [Function("CreateEnvironment")]
    public Task<IActionResult> CreateEnvironment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/environments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/environments: lists the environments.</summary>
    [Function("ListEnvironments")]
    public Task<IActionResult> ListEnvironments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/environments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/environments/{name}: one environment, with what is live there.</summary>
    [Function("GetEnvironment")]
    public Task<IActionResult> GetEnvironment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/environments/{name}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PATCH /api/environments/{name}: changes an environment's settings.</summary>
    [Function("UpdateEnvironment")]
    public Task<IActionResult> UpdateEnvironment([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/environments/{name}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>DELETE /api/environments/{name}: deletes an environment.</summary>
    [Function("DeleteEnvironment")]
    public Task<IActionResult> DeleteEnvironment([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/environments/{name}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/environments/{name}/promote: makes a deployment the environment's live one, after approval when the environment asks for it.</summary>
    [Function("PromoteToEnvironment")]
    public Task<IActionResult> PromoteToEnvironment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/environments/{name}/promote")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
