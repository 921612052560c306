using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/apps: apps, their revisions and rollback.</summary>
public sealed class AppFunctions(ApiPipeline api)
{
    [Function("CreateApp")]
    public Task<IActionResult> CreateApp([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "apps")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ListApps")]
    public Task<IActionResult> ListApps([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "apps")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("GetApp")]
    public Task<IActionResult> GetApp([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "apps/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("UpdateApp")]
    public Task<IActionResult> UpdateApp([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "apps/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("DeleteApp")]
    public Task<IActionResult> DeleteApp([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "apps/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ListRevisions")]
    public Task<IActionResult> ListRevisions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "apps/{id}/revisions")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("GetRevision")]
    public Task<IActionResult> GetRevision([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "apps/{id}/revisions/{number}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("CreateRevision")]
    public Task<IActionResult> CreateRevision([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "apps/{id}/revisions")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("RollbackApp")]
    public Task<IActionResult> RollbackApp([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "apps/{id}/rollback")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
