using System.Diagnostics;
using Azure.Data.Tables;

namespace BenchSupport;

/// <summary>
/// Raw Azurite under concurrency: many single-entity upserts in flight at once, straight through the SDK. A workload
/// of many concurrent orchestrations is read against this ceiling rather than against one-at-a-time latency.
/// </summary>
public static class ParallelAzuriteBaseline
{
    public sealed record Result(string Operation, int Parallelism, int Count, double OperationsPerSecond);

    public static async Task<Result> MeasureUpsertsAsync(string connectionString, int count, int parallelism)
    {
        var table = new TableClient(connectionString, $"parallel{Guid.NewGuid():N}"[..16]);
        await table.CreateIfNotExistsAsync();
        var payload = new string('x', 200);
        try
        {
            // Warm the connection pool to the target parallelism so connection set-up is not measured.
            await Task.WhenAll(Enumerable.Range(0, parallelism).Select(i => table.UpsertEntityAsync(new TableEntity($"p{i}", "warm") { ["Data"] = payload })));
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, parallelism).Select(async worker =>
            {
                int op;
                while ((op = Interlocked.Increment(ref next)) < count)
                {
                    await table.UpsertEntityAsync(new TableEntity($"p{worker}", $"r{op % 50}") { ["Data"] = payload });
                }
            }));
            return new Result("table upsert (1 entity)", parallelism, count, count / clock.Elapsed.TotalSeconds);
        }
        finally
        {
            await table.DeleteAsync();
        }
    }
}
