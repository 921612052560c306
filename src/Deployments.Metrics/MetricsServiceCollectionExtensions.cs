using Deployments.Metrics.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deployments.Metrics;

/// <summary>Registers the metric providers.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IMetricReader"/> with its HTTP clients (prometheus, web).</summary>
    /// <remarks>
    /// The readers take secrets from the host's <c>IConfiguration</c> (<c>Secrets:NAME</c>), which every host here
    /// registers. The clients follow no redirects, so a bearer token or secret header goes only where the template
    /// says, and they have no timeout of their own: each request runs under its metric's timeout.
    /// </remarks>
    public static IServiceCollection AddMetricReaders(this IServiceCollection services)
    {
        foreach (var name in new[] { PrometheusReader.ClientName, WebReader.ClientName })
        {
            services.AddHttpClient(name, client =>
                {
                    client.Timeout = Timeout.InfiniteTimeSpan;
                    client.MaxResponseContentBufferSize = ProviderHttp.MaxAnswerBytes;
                })
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        }

        services.TryAddSingleton<IAzureCredentials, AzureCredentials>();
        services.TryAddSingleton<PrometheusAuthorizer>();
        services.TryAddSingleton<PrometheusReader>();
        services.TryAddSingleton<WebReader>();
        services.TryAddSingleton<IMetricReader, MetricReader>();
        return services;
    }
}
