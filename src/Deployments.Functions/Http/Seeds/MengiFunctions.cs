using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http.Seeds;

/// <summary>Mengi's promotion of a deployment to another cluster at its own path.</summary>
public sealed class MengiFunctions(ApiPipeline api)
{
    /// <summary>POST /deployments/{deployment_id}/promote: the deployment's configuration becomes a new deployment on the target cluster.</summary>
    [Function("MengiPromoteDeployment")]
    public Task<IActionResult> PromoteDeployment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/{deployment_id}/promote")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
