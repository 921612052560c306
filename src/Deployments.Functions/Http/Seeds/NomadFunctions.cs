using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http.Seeds;

/// <summary>Nomad's Deployments HTTP API at its own paths; each command also as PUT, which Nomad's Go client sends.</summary>
public sealed class NomadFunctions(ApiPipeline api)
{
    /// <summary>GET /v1/deployments: the deployments of a namespace, by id prefix, blocking.</summary>
    [Function("NomadListDeployments")]
    public Task<IActionResult> ListDeployments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/deployments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /v1/deployment/:deployment_id: one deployment, blocking.</summary>
    [Function("NomadReadDeployment")]
    public Task<IActionResult> ReadDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/deployment/{deployment_id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /v1/deployment/allocations/:deployment_id: the allocations it placed, blocking.</summary>
    [Function("NomadListDeploymentAllocations")]
    public Task<IActionResult> ListDeploymentAllocations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/deployment/allocations/{deployment_id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /v1/deployment/fail/:deployment_id: mark it failed.</summary>
    [Function("NomadFailDeployment")]
    public Task<IActionResult> FailDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/deployment/fail/{deployment_id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PUT /v1/deployment/fail/:deployment_id: mark it failed, as Nomad's Go client sends it.</summary>
    [Function("NomadFailDeploymentPut")]
    public Task<IActionResult> FailDeploymentPut([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/deployment/fail/{deployment_id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /v1/deployment/pause/:deployment_id: pause or resume it.</summary>
    [Function("NomadPauseDeployment")]
    public Task<IActionResult> PauseDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/deployment/pause/{deployment_id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PUT /v1/deployment/pause/:deployment_id: pause or resume it, as Nomad's Go client sends it.</summary>
    [Function("NomadPauseDeploymentPut")]
    public Task<IActionResult> PauseDeploymentPut([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/deployment/pause/{deployment_id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /v1/deployment/promote/:deployment_id: promote all or some groups' canaries.</summary>
    [Function("NomadPromoteDeployment")]
    public Task<IActionResult> PromoteDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/deployment/promote/{deployment_id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PUT /v1/deployment/promote/:deployment_id: promote all or some groups' canaries, as Nomad's Go client sends it.</summary>
    [Function("NomadPromoteDeploymentPut")]
    public Task<IActionResult> PromoteDeploymentPut([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/deployment/promote/{deployment_id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /v1/deployment/allocation-health/:deployment_id: mark allocations healthy or unhealthy.</summary>
    [Function("NomadSetAllocationHealth")]
    public Task<IActionResult> SetAllocationHealth([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/deployment/allocation-health/{deployment_id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PUT /v1/deployment/allocation-health/:deployment_id: mark allocations healthy or unhealthy, as Nomad's Go client sends it.</summary>
    [Function("NomadSetAllocationHealthPut")]
    public Task<IActionResult> SetAllocationHealthPut([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/deployment/allocation-health/{deployment_id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
