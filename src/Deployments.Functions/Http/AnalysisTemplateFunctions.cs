using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/analysis-templates: the metrics that judge canaries.</summary>
public sealed class AnalysisTemplateFunctions(ApiPipeline api)
{
    /// <summary>POST /api/analysis-templates: creates an analysis template.</summary>
    [Function("CreateAnalysisTemplate")]
    public Task<IActionResult> CreateAnalysisTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/analysis-templates")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/analysis-templates: lists a namespace's analysis templates.</summary>
    [Function("ListAnalysisTemplates")]
    public Task<IActionResult> ListAnalysisTemplates([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/analysis-templates")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/analysis-templates/{name}: one analysis template.</summary>
    [Function("GetAnalysisTemplate")]
    public Task<IActionResult> GetAnalysisTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/analysis-templates/{name}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PATCH /api/analysis-templates/{name}: replaces a template's metrics or arguments.</summary>
    [Function("UpdateAnalysisTemplate")]
    public Task<IActionResult> UpdateAnalysisTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/analysis-templates/{name}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>DELETE /api/analysis-templates/{name}: deletes an analysis template.</summary>
    [Function("DeleteAnalysisTemplate")]
    public Task<IActionResult> DeleteAnalysisTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/analysis-templates/{name}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
