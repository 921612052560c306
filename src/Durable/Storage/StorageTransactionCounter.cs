using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Durable.Storage;

/// <summary>
/// Counts every request sent to Azure Storage, retries included, because each one is a billed
/// transaction. One instance is shared by the table, queue and blob clients of a host.
/// </summary>
public sealed class StorageTransactionCounter
{
    private long tables;
    private long queues;
    private long blobs;

    public long Tables => Interlocked.Read(ref tables);

    public long Queues => Interlocked.Read(ref queues);

    public long Blobs => Interlocked.Read(ref blobs);

    public long Total => Tables + Queues + Blobs;

    internal HttpPipelinePolicy PolicyFor(StorageService service) => new CountingPolicy(this, service);

    /// <summary>
    /// Options for a table client the host builds outside the engine (a domain store, say), so that its
    /// requests are billed to this host's count too instead of going unseen.
    /// </summary>
    public TableClientOptions CountedTableClientOptions()
    {
        var options = new TableClientOptions();
        options.AddPolicy(PolicyFor(StorageService.Table), HttpPipelinePosition.PerRetry);
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

        DurableTelemetry.StorageTransactions.Add(1, new KeyValuePair<string, object?>("service", service.ToString().ToLowerInvariant()));
    }

    private sealed class CountingPolicy(StorageTransactionCounter counter, StorageService service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => counter.Count(service);
    }
}

internal enum StorageService
{
    Table,
    Queue,
    Blob,
}
