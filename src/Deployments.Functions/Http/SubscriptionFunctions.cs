using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/subscriptions: CloudEvents subscribers of a namespace.</summary>
public sealed class SubscriptionFunctions(ApiPipeline api)
{
    /// <summary>POST /api/subscriptions: subscribes an endpoint to a namespace's deployment events.</summary>
    [Function("CreateSubscription")]
    public Task<IActionResult> CreateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/subscriptions")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/subscriptions: lists the subscriptions.</summary>
    [Function("ListSubscriptions")]
    public Task<IActionResult> ListSubscriptions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/subscriptions")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/subscriptions/{id}: one subscription.</summary>
    [Function("GetSubscription")]
    public Task<IActionResult> GetSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/subscriptions/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>PATCH /api/subscriptions/{id}: changes a subscription.</summary>
    [Function("UpdateSubscription")]
    public Task<IActionResult> UpdateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/subscriptions/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>DELETE /api/subscriptions/{id}: ends a subscription.</summary>
    [Function("DeleteSubscription")]
    public Task<IActionResult> DeleteSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/subscriptions/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
