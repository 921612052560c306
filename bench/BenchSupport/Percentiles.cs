namespace BenchSupport;

/// <summary>Summary statistics of a set of latency samples, in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50, double P99, double Mean)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samples.Order().ToArray();
        return new Percentiles(sorted.Length, At(sorted, 0.50), At(sorted, 0.99), sorted.Average());
    }

    private static double At(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() => $"p50 {P50,7:F2} ms  p99 {P99,7:F2} ms  (n={Count})";
}
