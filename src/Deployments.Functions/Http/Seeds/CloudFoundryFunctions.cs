using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http.Seeds;

/// <summary>Cloud Foundry's v3 deployments at their own paths.</summary>
public sealed class CloudFoundryFunctions(ApiPipeline api)
{
    /// <summary>POST /v3/deployments: a rolling or canary deployment of an app's droplet or revision.</summary>
    [Function("CloudFoundryCreateDeployment")]
    public Task<IActionResult> CreateDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/deployments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /v3/deployments: Cloud Foundry's paginated list with its filters.</summary>
    [Function("CloudFoundryListDeployments")]
    public Task<IActionResult> ListDeployments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/deployments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /v3/deployments/{guid}.</summary>
    [Function("CloudFoundryGetDeployment")]
    public Task<IActionResult> GetDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/deployments/{guid}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PATCH /v3/deployments/{guid}: labels and annotations.</summary>
    [Function("CloudFoundryUpdateDeployment")]
    public Task<IActionResult> UpdateDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "v3/deployments/{guid}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /v3/deployments/{guid}/actions/cancel.</summary>
    [Function("CloudFoundryCancelDeployment")]
    public Task<IActionResult> CancelDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/deployments/{guid}/actions/cancel")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /v3/deployments/{guid}/actions/continue: a paused canary to its next step.</summary>
    [Function("CloudFoundryContinueDeployment")]
    public Task<IActionResult> ContinueDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/deployments/{guid}/actions/continue")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
