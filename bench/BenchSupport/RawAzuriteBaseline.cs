using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace BenchSupport;

/// <summary>
/// The baseline: single storage operations issued one after another straight through the Azure SDK,
/// against the same Azurite the engine uses in this run. Engine figures are read as ratios of these.
/// </summary>
public static class RawAzuriteBaseline
{
    public sealed record Result(string Operation, int Count, double OperationsPerSecond, Percentiles Latency);

    public static async Task<IReadOnlyList<Result>> MeasureAsync(string connectionString, int count)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var table = new TableClient(connectionString, $"baseline{suffix}");
        await table.CreateIfNotExistsAsync();
        var queue = new QueueClient(connectionString, $"baseline-{suffix}");
        await queue.CreateIfNotExistsAsync();
        var payload = new string('x', 200);
        try
        {
            return
            [
                await TimeAsync("table upsert (1 entity)", count, i => table.UpsertEntityAsync(new TableEntity("p", $"r{i % 50}") { ["Data"] = payload })),
                await TimeAsync("table point read", count, i => table.GetEntityAsync<TableEntity>("p", $"r{i % 50}")),
                await TimeAsync("table batch (2 entities)", count, i => table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity($"b{i}", "a") { ["Data"] = payload }),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity($"b{i}", "b") { ["Data"] = payload }),
                ])),
                await TimeAsync("queue send", count, _ => queue.SendMessageAsync(payload)),
                await TimeAsync("queue receive+delete", count, async _ =>
                {
                    var message = (await queue.ReceiveMessageAsync()).Value;
                    if (message is not null)
                    {
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    }
                }),
            ];
        }
        finally
        {
            await table.DeleteAsync();
            await queue.DeleteIfExistsAsync();
        }
    }

    private static async Task<Result> TimeAsync(string operation, int count, Func<int, Task> run)
    {
        for (var i = 0; i < 20; i++)
        {
            await run(i);
        }

        var samples = new List<double>(count);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run(i);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Result(operation, count, count / total.Elapsed.TotalSeconds, Percentiles.Of(samples));
    }
}
