using System.Diagnostics;
using Durable.Storage;

namespace Durable.Bench;

/// <summary>
/// Records, at the start of each step of a sequential chain, the time and the host's storage
/// transaction count, so per-step latency and cost can be read for any window of the chain.
/// </summary>
internal sealed class StepProbe(int steps)
{
    private readonly long[] timestamps = new long[steps];
    private readonly long[] transactions = new long[steps];

    public StorageTransactionCounter? Counter { get; set; }

    public void Record(int step)
    {
        timestamps[step] = Stopwatch.GetTimestamp();
        transactions[step] = Counter?.Total ?? 0;
    }

    /// <summary>Latencies (ms) of steps first..last, each measured from the previous step's start.</summary>
    public IReadOnlyCollection<double> Latencies(int first, int last) =>
        [.. Enumerable.Range(first, last - first + 1).Select(i => Stopwatch.GetElapsedTime(timestamps[i - 1], timestamps[i]).TotalMilliseconds)];

    public double TransactionsPerStep(int first, int last) =>
        (transactions[last] - transactions[first - 1]) / (double)(last - first + 1);
}
