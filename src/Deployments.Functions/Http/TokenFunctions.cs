using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/tokens: scoped access tokens, and what the caller's own key may do.</summary>
public sealed class TokenFunctions(ApiPipeline api)
{
    [Function("CreateToken")]
    public Task<IActionResult> CreateToken([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tokens")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("ListTokens")]
    public Task<IActionResult> ListTokens([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tokens")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("TokenSelf")]
    public Task<IActionResult> TokenSelf([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tokens/self")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    [Function("RevokeToken")]
    public Task<IActionResult> RevokeToken([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "tokens/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
