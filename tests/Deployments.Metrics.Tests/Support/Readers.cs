using Deployments.Metrics.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Metrics.Tests.Support;

/// <summary>The reader as a host builds it: <see cref="MetricsServiceCollectionExtensions.AddMetricReaders"/> over a configuration holding the given secrets.</summary>
internal static class Readers
{
    public static readonly IReadOnlyDictionary<string, string> NoArguments = new Dictionary<string, string>();

    public static IMetricReader Create(IReadOnlyDictionary<string, string>? secrets = null, IAzureCredentials? azure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection((secrets ?? new Dictionary<string, string>()).Select(secret =>
                new KeyValuePair<string, string?>($"Secrets:{secret.Key}", secret.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        if (azure is not null)
        {
            services.AddSingleton(azure);
        }

        return services.AddMetricReaders().BuildServiceProvider().GetRequiredService<IMetricReader>();
    }

    public static Task<MetricReading> ReadAsync(this IMetricReader reader, WebMetric web, IReadOnlyDictionary<string, string>? arguments = null) =>
        reader.ReadAsync(new MetricProvider { Web = web }, arguments ?? NoArguments, TestContext.Current.CancellationToken);

    public static Task<MetricReading> ReadAsync(this IMetricReader reader, PrometheusMetric prometheus, IReadOnlyDictionary<string, string>? arguments = null) =>
        reader.ReadAsync(new MetricProvider { Prometheus = prometheus }, arguments ?? NoArguments, TestContext.Current.CancellationToken);
}
