using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/deployments: create, read (long-polling), list and command deployments.</summary>
public sealed class DeploymentFunctions(ApiPipeline api)
{
    /// <summary>POST /api/deployments: creates a deployment and starts its rollout orchestration.</summary>
    [Function("StartDeployment")]
    public Task<IActionResult> StartDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deployments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/deployments: lists deployments, filtered and paged by the query.</summary>
    [Function("ListDeployments")]
    public Task<IActionResult> ListDeployments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deployments")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/deployments/{id}: one deployment; with <c>?index=N&amp;wait=30s</c>, answered once its modify index passes N.</summary>
    [Function("GetDeployment")]
    public Task<IActionResult> GetDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deployments/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PATCH /api/deployments/{id}: changes a deployment's metadata, not its rollout.</summary>
    [Function("UpdateDeploymentMetadata")]
    public Task<IActionResult> UpdateDeploymentMetadata([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/deployments/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/deployments/{id}/allocations: the allocations the deployment placed.</summary>
    [Function("ListDeploymentAllocations")]
    public Task<IActionResult> ListDeploymentAllocations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deployments/{id}/allocations")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/deployments/{id}/analysis: the deployment's analysis runs and their measurements; blocks with index and wait.</summary>
    [Function("GetDeploymentAnalysis")]
    public Task<IActionResult> GetDeploymentAnalysis([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deployments/{id}/analysis")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/deployments/{id}/events: the deployment's timeline.</summary>
    [Function("ListDeploymentEvents")]
    public Task<IActionResult> ListDeploymentEvents([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deployments/{id}/events")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/deployments/{id}/promote: promotes the groups the body names, or all of them (an empty body), past their canaries.</summary>
    [Function("PromoteDeployment")]
    public Task<IActionResult> PromoteDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deployments/{id}/promote")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/deployments/{id}/continue: lets a rollout waiting at a step go on.</summary>
    [Function("ContinueDeployment")]
    public Task<IActionResult> ContinueDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deployments/{id}/continue")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/deployments/{id}/pause: pauses a rollout, or with <c>pause: false</c> resumes it.</summary>
    [Function("PauseDeployment")]
    public Task<IActionResult> PauseDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deployments/{id}/pause")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/deployments/{id}/fail: fails a rollout by hand, with an optional reason.</summary>
    [Function("FailDeployment")]
    public Task<IActionResult> FailDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deployments/{id}/fail")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/deployments/{id}/cancel: cancels a rollout, with an optional reason.</summary>
    [Function("CancelDeployment")]
    public Task<IActionResult> CancelDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deployments/{id}/cancel")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/deployments/{id}/allocation-health: marks allocations healthy or unhealthy, for manual health checks.</summary>
    [Function("SetAllocationHealth")]
    public Task<IActionResult> SetAllocationHealth([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deployments/{id}/allocation-health")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/deployments/{id}/approve: approves a promotion waiting for approval.</summary>
    [Function("ApproveDeployment")]
    public Task<IActionResult> ApproveDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deployments/{id}/approve")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/deployments/{id}/reject: rejects a promotion waiting for approval.</summary>
    [Function("RejectDeployment")]
    public Task<IActionResult> RejectDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deployments/{id}/reject")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/deployments/{id}/promote-to-cluster: deploys the same revision to another cluster.</summary>
    [Function("PromoteDeploymentToCluster")]
    public Task<IActionResult> PromoteDeploymentToCluster([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deployments/{id}/promote-to-cluster")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
