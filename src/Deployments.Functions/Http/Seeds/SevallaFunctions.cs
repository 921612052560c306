using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http.Seeds;

/// <summary>Sevalla's pipeline promotion at its own path.</summary>
public sealed class SevallaFunctions(ApiPipeline api)
{
    /// <summary>POST /v3/pipelines/{id}/promote: the source app's latest successful deployment to each target app.</summary>
    [Function("SevallaPromotePipeline")]
    public Task<IActionResult> PromotePipeline([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/pipelines/{id}/promote")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
