using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>Health probes, the OpenAPI document and its reference page (with the page's own assets).</summary>
public sealed class DocumentationFunctions(ApiPipeline api)
{
    /// <summary>GET /api/health/live: answers while the worker runs, without touching storage.</summary>
    [Function("LiveHealth")]
    public Task<IActionResult> LiveHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health/live")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/health/ready: answers once storage can be reached.</summary>
    [Function("ReadyHealth")]
    public Task<IActionResult> ReadyHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health/ready")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/openapi/{documentName}.json: the API's OpenAPI document.</summary>
    [Function("OpenApiDocument")]
    public Task<IActionResult> OpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi/{documentName}.json")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/docs/{documentName?}: the API reference page over the OpenAPI document.</summary>
    [Function("ApiReference")]
    public Task<IActionResult> ApiReference([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/docs/{documentName?}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/docs/scalar.js: the reference page's script.</summary>
    [Function("ApiReferenceScript")]
    public Task<IActionResult> ApiReferenceScript([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/docs/scalar.js")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/docs/scalar.aspnetcore.js: Scalar's ASP.NET Core integration script, which the page loads with its own.</summary>
    [Function("ApiReferenceIntegrationScript")]
    public Task<IActionResult> ApiReferenceIntegrationScript([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/docs/scalar.aspnetcore.js")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/docs/favicon.svg: the reference page's icon.</summary>
    [Function("ApiReferenceIcon")]
    public Task<IActionResult> ApiReferenceIcon([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/docs/favicon.svg")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
