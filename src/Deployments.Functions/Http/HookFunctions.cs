using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/hooks: signed CI webhooks that deploy.</summary>
public sealed class HookFunctions(ApiPipeline api)
{
    /// <summary>POST /api/hooks/generic: a signed webhook from any CI system, which deploys.</summary>
    [Function("GenericWebhook")]
    public Task<IActionResult> GenericWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/hooks/generic")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /api/hooks/github: a GitHub webhook, checked against its signature, which deploys.</summary>
    [Function("GitHubWebhook")]
    public Task<IActionResult> GitHubWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/hooks/github")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
