using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>Health probes, the OpenAPI document and its reference page (with the page's own assets).</summary>
public sealed class DocumentationFunctions(ApiPipeline api)
{
    [Function("LiveHealth")]
    public Task<IActionResult> LiveHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/live")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ReadyHealth")]
    public Task<IActionResult> ReadyHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/ready")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("OpenApiDocument")]
    public Task<IActionResult> OpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/{documentName}.json")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ApiReference")]
    public Task<IActionResult> ApiReference([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{documentName?}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ApiReferenceScript")]
    public Task<IActionResult> ApiReferenceScript([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/scalar.js")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ApiReferenceIntegrationScript")]
    public Task<IActionResult> ApiReferenceIntegrationScript([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/scalar.aspnetcore.js")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ApiReferenceIcon")]
    public Task<IActionResult> ApiReferenceIcon([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/favicon.svg")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
