using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/pipelines and their fan-out promotion.</summary>
public sealed class PipelineFunctions(ApiPipeline api)
{
    /// <summary>POST /api/pipelines: creates a pipeline.</summary>
    [Function("CreatePipeline")]
    public Task<IActionResult> CreatePipeline([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/pipelines")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/pipelines: lists the pipelines.</summary>
    [Function("ListPipelines")]
    public Task<IActionResult> ListPipelines([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/pipelines")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/pipelines/{id}: one pipeline.</summary>
    [Function("GetPipeline")]
    public Task<IActionResult> GetPipeline([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/pipelines/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PATCH /api/pipelines/{id}: changes a pipeline.</summary>
    [Function("UpdatePipeline")]
    public Task<IActionResult> UpdatePipeline([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/pipelines/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>DELETE /api/pipelines/{id}: deletes a pipeline.</summary>
    [Function("DeletePipeline")]
    public Task<IActionResult> DeletePipeline([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/pipelines/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/pipelines/{id}/promote: starts one deployment per target of the pipeline.</summary>
    [Function("PromotePipeline")]
    public Task<IActionResult> PromotePipeline([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/pipelines/{id}/promote")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
