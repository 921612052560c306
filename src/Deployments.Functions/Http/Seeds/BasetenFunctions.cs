using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http.Seeds;

/// <summary>Baseten's promotion of a chain or model deployment to an environment at its own paths.</summary>
public sealed class BasetenFunctions(ApiPipeline api)
{
    /// <summary>POST /v1/chains/{chain_id}/environments/{env_name}/promote: the chain's deployment goes live in the environment.</summary>
    [Function("BasetenPromoteChainDeployment")]
    public Task<IActionResult> PromoteChainDeployment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/chains/{chain_id}/environments/{env_name}/promote")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);

    /// <summary>POST /v1/models/{model_id}/environments/{env_name}/promote: the model's deployment goes live in the environment.</summary>
    [Function("BasetenPromoteModelDeployment")]
    public Task<IActionResult> PromoteModelDeployment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/models/{model_id}/environments/{env_name}/promote")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
