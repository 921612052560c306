using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Deployments.Platform;

/// <summary>
/// Counts every request sent to Azure Storage, retries included, because each one is a billed
/// transaction. One instance is shared by the engine's table, queue and blob clients and by the
/// domain's tables, so a host's figure covers all of its storage traffic.
/// </summary>
public sealed class StorageTransactionCounter
{
    public const string MeterName = "Deployments.Engine";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Transactions = Meter.CreateCounter<long>("storage.transactions", description: "Requests sent to Azure Storage.");

    private long tables;
    private long queues;
    private long blobs;

    public long Tables => Interlocked.Read(ref tables);

    public long Queues => Interlocked.Read(ref queues);

    public long Blobs => Interlocked.Read(ref blobs);

    public long Total => Tables + Queues + Blobs;

    public TableClientOptions CountedTableClientOptions() => Counted(new TableClientOptions(), StorageService.Table);

    public QueueClientOptions CountedQueueClientOptions() => Counted(new QueueClientOptions(), StorageService.Queue);

    public BlobClientOptions CountedBlobClientOptions() => Counted(new BlobClientOptions(), StorageService.Blob);

    private T Counted<T>(T options, StorageService service)
        where T : ClientOptions
    {
        options.AddPolicy(new CountingPolicy(this, service), HttpPipelinePosition.PerRetry);
        return options;
    }

    private void Count(StorageService service)
    {
        switch (service)
        {
            case StorageService.Table:
                Interlocked.Increment(ref tables);
                break;
            case StorageService.Queue:
                Interlocked.Increment(ref queues);
                break;
            default:
                Interlocked.Increment(ref blobs);
                break;
        }

        Transactions.Add(1, new KeyValuePair<string, object?>("service", service.ToString().ToLowerInvariant()));
    }

    private sealed class CountingPolicy(StorageTransactionCounter counter, StorageService service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => counter.Count(service);
    }

    private enum StorageService
    {
        Table,
        Queue,
        Blob,
    }
}
