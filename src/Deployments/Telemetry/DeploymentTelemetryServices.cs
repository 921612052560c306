using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deployments.Telemetry;

/// <summary>Registers the domain's telemetry with a host.</summary>
public static class DeploymentTelemetryServices
{
    /// <summary>The domain's meter and the deployment log scope around activities; exporting them is the hosts' business.</summary>
    public static IServiceCollection AddDeploymentTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<DeploymentMetrics>();
        services.TryAddSingleton<DeploymentActivityScope>();
        return services;
    }
}
