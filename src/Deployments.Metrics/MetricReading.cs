namespace Deployments.Metrics;

/// <summary>What one measurement read: the values conditions see as <c>result</c>, in the provider's order.</summary>
/// <param name="Values">A scalar is one value; a vector one per series; an empty vector none.</param>
public sealed record MetricReading(IReadOnlyList<double> Values);
