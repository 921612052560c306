using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/tokens: scoped access tokens, and what the caller's own key may do.</summary>
public sealed class TokenFunctions(ApiPipeline api)
{
    /// <summary>POST /api/tokens: issues a scoped access token; its value is shown in this response only.</summary>
    [Function("CreateToken")]
    public Task<IActionResult> CreateToken([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/tokens")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/tokens: lists the access tokens, without their values.</summary>
    [Function("ListTokens")]
    public Task<IActionResult> ListTokens([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/tokens")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>GET /api/tokens/self: what the caller's own key or token may do.</summary>
    [Function("TokenSelf")]
    public Task<IActionResult> TokenSelf([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/tokens/self")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>DELETE /api/tokens/{id}: revokes an access token.</summary>
    [Function("RevokeToken")]
    public Task<IActionResult> RevokeToken([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/tokens/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
