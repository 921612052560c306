using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Deployments.Functions.Http;

/// <summary>/api/prometheus: what Prometheus reads from the control plane.</summary>
public sealed class PrometheusFunctions(ApiPipeline api)
{
    /// <summary>GET /api/prometheus/targets: the running allocations, in Prometheus' HTTP service discovery format.</summary>
    [Function("ListPrometheusTargets")]
    public Task<IActionResult> ListPrometheusTargets([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/prometheus/targets")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(request, client);
}
