using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/subscriptions: CloudEvents subscribers of a namespace.</summary>
public sealed class SubscriptionFunctions(ApiPipeline api)
{
    [Function("CreateSubscription")]
    public Task<IActionResult> CreateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "subscriptions")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ListSubscriptions")]
    public Task<IActionResult> ListSubscriptions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("GetSubscription")]
    public Task<IActionResult> GetSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("UpdateSubscription")]
    public Task<IActionResult> UpdateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "subscriptions/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("DeleteSubscription")]
    public Task<IActionResult> DeleteSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "subscriptions/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
