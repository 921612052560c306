using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/deployments: create, read (long-polling), list and command deployments.</summary>
public sealed class DeploymentFunctions(ApiPipeline api)
{
    [Function("StartDeployment")]
    public Task<IActionResult> StartDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ListDeployments")]
    public Task<IActionResult> ListDeployments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "deployments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("GetDeployment")]
    public Task<IActionResult> GetDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "deployments/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("UpdateDeploymentMetadata")]
    public Task<IActionResult> UpdateDeploymentMetadata([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "deployments/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ListDeploymentAllocations")]
    public Task<IActionResult> ListDeploymentAllocations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "deployments/{id}/allocations")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ListDeploymentEvents")]
    public Task<IActionResult> ListDeploymentEvents([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "deployments/{id}/events")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("PromoteDeployment")]
    public Task<IActionResult> PromoteDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/{id}/promote")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ContinueDeployment")]
    public Task<IActionResult> ContinueDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/{id}/continue")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("PauseDeployment")]
    public Task<IActionResult> PauseDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/{id}/pause")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("FailDeployment")]
    public Task<IActionResult> FailDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/{id}/fail")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("CancelDeployment")]
    public Task<IActionResult> CancelDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/{id}/cancel")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("SetAllocationHealth")]
    public Task<IActionResult> SetAllocationHealth([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/{id}/allocation-health")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ApproveDeployment")]
    public Task<IActionResult> ApproveDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/{id}/approve")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("RejectDeployment")]
    public Task<IActionResult> RejectDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/{id}/reject")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("PromoteDeploymentToCluster")]
    public Task<IActionResult> PromoteDeploymentToCluster([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/{id}/promote-to-cluster")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
