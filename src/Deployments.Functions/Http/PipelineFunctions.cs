using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/pipelines and their fan-out promotion.</summary>
public sealed class PipelineFunctions(ApiPipeline api)
{
    [Function("CreatePipeline")]
    public Task<IActionResult> CreatePipeline([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pipelines")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ListPipelines")]
    public Task<IActionResult> ListPipelines([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pipelines")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("GetPipeline")]
    public Task<IActionResult> GetPipeline([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pipelines/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("UpdatePipeline")]
    public Task<IActionResult> UpdatePipeline([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "pipelines/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("DeletePipeline")]
    public Task<IActionResult> DeletePipeline([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "pipelines/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("PromotePipeline")]
    public Task<IActionResult> PromotePipeline([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pipelines/{id}/promote")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
