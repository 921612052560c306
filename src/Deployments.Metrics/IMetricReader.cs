namespace Deployments.Metrics;

/// <summary>Takes one measurement of a metric.</summary>
public interface IMetricReader
{
    /// <summary>
    /// Reads the provider's current value with <paramref name="arguments"/> filled into its {{placeholders}}.
    /// Throws <see cref="MetricProviderException"/> when no value can be had: an unreachable provider is never a success.
    /// </summary>
    Task<MetricReading> ReadAsync(MetricProvider provider, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken);
}
