using Deployments.Platform;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Deployments.Api.Http;

/// <summary>Ready means the storage account answers: an unreachable account makes the app not ready.</summary>
internal sealed class StorageHealthCheck(StorageAccountProbe storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ProbeAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception unreachable) when (unreachable is Azure.RequestFailedException or TimeoutException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy("Storage is not reachable.", unreachable);
        }
    }
}
