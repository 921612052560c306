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
    /// <summary>
    /// The meter that publishes the count (instrument <c>storage.transactions</c>, tagged with <c>service</c>);
    /// it keeps the engine's name it was first published under, so the hosts' telemetry lists it by this constant.
    /// </summary>
    public const string MeterName = "Deployments.Engine";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Transactions = Meter.CreateCounter<long>("storage.transactions", description: "Requests sent to Azure Storage.");

    private long tables;
    private long queues;
    private long blobs;

    /// <summary>Requests sent to the table service by this instance's clients since it was created.</summary>
    public long Tables => Interlocked.Read(ref tables);

    /// <summary>Requests sent to the queue service by this instance's clients since it was created.</summary>
    public long Queues => Interlocked.Read(ref queues);

    /// <summary>Requests sent to the blob service by this instance's clients since it was created.</summary>
    public long Blobs => Interlocked.Read(ref blobs);

    /// <summary>All three services' requests: the host's billed storage transactions so far.</summary>
    public long Total => Tables + Queues + Blobs;

    /// <summary>New options for a table client, with a policy that counts each attempt of each request here.</summary>
    public TableClientOptions CountedTableClientOptions() => Counted(new TableClientOptions(), StorageService.Table);

    /// <summary>New options for a queue client, with a policy that counts each attempt of each request here.</summary>
    public QueueClientOptions CountedQueueClientOptions() => Counted(new QueueClientOptions(), StorageService.Queue);

    /// <summary>New options for a blob client, with a policy that counts each attempt of each request here.</summary>
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
