using Deployments.Api.Http;
using Deployments.Service;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Apis;

/// <summary>
/// /api/prometheus/targets: Prometheus' HTTP service discovery (<c>http_sd_configs</c>), so Prometheus scrapes
/// every running allocation with the labels a canary analysis selects by. A read like any other: Prometheus
/// sends the key as <c>authorization: {type: Bearer, credentials: …}</c>.
/// </summary>
internal static class PrometheusApi
{
    public static RouteGroupBuilder MapPrometheusApi(this RouteGroupBuilder api)
    {
        api.MapGet("/prometheus/targets", ListTargetsAsync).WithTags("Prometheus").WithName("ListPrometheusTargets");
        return api;
    }

    /// <summary>
    /// Without <c>namespace</c>, every namespace the caller may see (a scoped token's own), unlike the catalog
    /// lists: one Prometheus job should find everything its key reaches without a config per namespace.
    /// </summary>
    private static async Task<Ok<PrometheusTargetGroup[]>> ListTargetsAsync(
        [FromQuery(Name = "namespace")] string? @namespace, RunningAllocations running, CancellationToken ct)
    {
        var allocations = await running.ListAsync(@namespace is null ? null : QueryValues.Namespace(@namespace), ct);
        return TypedResults.Ok(allocations.Select(PrometheusTargetGroup.From).ToArray());
    }
}
