using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>
/// The dashboard at /api/dashboard: the root path is the Functions host's own home page, so the self-host's
/// root page is served here instead (the route-table test holds the two to that one known difference).
/// </summary>
public sealed class DashboardFunctions(ApiPipeline api)
{
    /// <summary>GET /api/dashboard: the dashboard's page.</summary>
    [Function("Dashboard")]
    public Task<IActionResult> Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/dashboard/{file}: the files the dashboard's page loads.</summary>
    [Function("DashboardFile")]
    public Task<IActionResult> DashboardFile([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/{file}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
