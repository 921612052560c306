namespace Deployments.Metrics.Providers;

/// <summary>Takes a measurement from whichever provider the metric names.</summary>
internal sealed class MetricReader(PrometheusReader prometheus, WebReader web) : IMetricReader
{
    public Task<MetricReading> ReadAsync(MetricProvider provider, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken) =>
        provider switch
        {
            { Prometheus: not null, Web: not null } => throw new MetricProviderException("The metric names two providers (prometheus and web); set exactly one."),
            { Prometheus: { } query } => prometheus.ReadAsync(query, arguments, cancellationToken),
            { Web: { } endpoint } => web.ReadAsync(endpoint, arguments, cancellationToken),
            _ => throw new MetricProviderException("The metric names no provider; set prometheus or web."),
        };
}
