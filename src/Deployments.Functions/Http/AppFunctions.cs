using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/apps: apps, their revisions and rollback.</summary>
public sealed class AppFunctions(ApiPipeline api)
{
    /// <summary>POST /api/apps: creates an app on a cluster.</summary>
    [Function("CreateApp")]
    public Task<IActionResult> CreateApp([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/apps")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/apps: lists the apps.</summary>
    [Function("ListApps")]
    public Task<IActionResult> ListApps([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/apps")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/apps/{id}: one app, with the revisions that matter and any rollout in progress.</summary>
    [Function("GetApp")]
    public Task<IActionResult> GetApp([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/apps/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PATCH /api/apps/{id}: changes an app's settings.</summary>
    [Function("UpdateApp")]
    public Task<IActionResult> UpdateApp([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/apps/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>DELETE /api/apps/{id}: deletes an app.</summary>
    [Function("DeleteApp")]
    public Task<IActionResult> DeleteApp([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/apps/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/apps/{id}/revisions: the app's revisions.</summary>
    [Function("ListRevisions")]
    public Task<IActionResult> ListRevisions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/apps/{id}/revisions")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/apps/{id}/revisions/{number}: one revision of the app.</summary>
    [Function("GetRevision")]
    public Task<IActionResult> GetRevision([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/apps/{id}/revisions/{number}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/apps/{id}/revisions: records a new revision of the app.</summary>
    [Function("CreateRevision")]
    public Task<IActionResult> CreateRevision([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/apps/{id}/revisions")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/apps/{id}/rollback: starts a deployment back to an earlier revision of the app.</summary>
    [Function("RollbackApp")]
    public Task<IActionResult> RollbackApp([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/apps/{id}/rollback")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
