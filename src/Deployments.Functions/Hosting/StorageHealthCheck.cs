using Deployments.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Deployments.Functions.Hosting;

/// <summary>Ready means the task hub's storage answers: an unreachable account makes the app not ready.</summary>
internal sealed class StorageHealthCheck(TaskHubStorage hub) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await hub.ProbeAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception unreachable) when (unreachable is Azure.RequestFailedException or TimeoutException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy("Storage is not reachable.", unreachable);
        }
    }
}
