using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Deployments.Functions.Http;

/// <summary>/api/subscriptions: CloudEvents subscribers of a namespace.</summary>
internal sealed class SubscriptionFunctions(ApiPipeline api)
{
    [Function("CreateSubscription")]
    public Task<IActionResult> CreateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "subscriptions")] HttpRequest request) =>
        api.RunAsync(request);

    [Function("ListSubscriptions")]
    public Task<IActionResult> ListSubscriptions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions")] HttpRequest request) =>
        api.RunAsync(request);

    [Function("GetSubscription")]
    public Task<IActionResult> GetSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions/{id}")] HttpRequest request) =>
        api.RunAsync(request);

    [Function("UpdateSubscription")]
    public Task<IActionResult> UpdateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "subscriptions/{id}")] HttpRequest request) =>
        api.RunAsync(request);

    [Function("DeleteSubscription")]
    public Task<IActionResult> DeleteSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "subscriptions/{id}")] HttpRequest request) =>
        api.RunAsync(request);
}
