using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Durable.Storage;

/// <summary>The storage clients of one task hub: history and instances tables, control and work-item queues, payload blobs.</summary>
internal sealed class TaskHubStorage
{
    private readonly QueueServiceClient queueService;
    private readonly TableServiceClient tableService;
    private readonly BlobServiceClient blobService;
    private readonly Lazy<Task> ensureCreated;

    public TaskHubStorage(StorageConnection connection, DurableTaskOptions options, StorageTransactionCounter counter)
    {
        TaskHubNames.Validate(options.HubName);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StorageProvider.PartitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.StorageProvider.PartitionCount, 16);
        Names = new TaskHubNames(options.HubName, options.StorageProvider.PartitionCount);

        var tableOptions = WithCounter(new TableClientOptions(), counter.PolicyFor(StorageService.Table));
        var queueOptions = WithCounter(new QueueClientOptions(), counter.PolicyFor(StorageService.Queue));
        var blobOptions = WithCounter(new BlobClientOptions(), counter.PolicyFor(StorageService.Blob));
        if (connection.ConnectionString is { } connectionString)
        {
            tableService = new TableServiceClient(connectionString, tableOptions);
            queueService = new QueueServiceClient(connectionString, queueOptions);
            blobService = new BlobServiceClient(connectionString, blobOptions);
        }
        else
        {
            tableService = new TableServiceClient(connection.TableUri!, connection.Credential!, tableOptions);
            queueService = new QueueServiceClient(connection.QueueUri!, connection.Credential!, queueOptions);
            blobService = new BlobServiceClient(connection.BlobUri!, connection.Credential!, blobOptions);
        }

        History = tableService.GetTableClient(Names.HistoryTable);
        Instances = tableService.GetTableClient(Names.InstancesTable);
        WorkItems = queueService.GetQueueClient(Names.WorkItemQueue);
        Poison = queueService.GetQueueClient(Names.PoisonQueue);
        ControlQueues = [.. Names.ControlQueues.Select(queueService.GetQueueClient)];
        Payloads = blobService.GetBlobContainerClient(Names.PayloadContainer);
        ensureCreated = new Lazy<Task>(CreateResourcesAsync);
    }

    public TaskHubNames Names { get; }

    public TableClient History { get; }

    public TableClient Instances { get; }

    public QueueClient WorkItems { get; }

    public QueueClient Poison { get; }

    public IReadOnlyList<QueueClient> ControlQueues { get; }

    public BlobContainerClient Payloads { get; }

    public QueueClient ControlQueueFor(string instanceId) => ControlQueues[Names.PartitionOf(instanceId)];

    public QueueClient? QueueNamed(string name) =>
        name == WorkItems.Name ? WorkItems : ControlQueues.FirstOrDefault(queue => queue.Name == name);

    /// <summary>Creates the hub's tables, queues and container once per process; later calls cost nothing.</summary>
    public Task EnsureCreatedAsync() => ensureCreated.Value;

    /// <summary>Deletes every resource of the hub (tests and benchmarks clean up with this).</summary>
    public async Task DeleteAsync()
    {
        await History.DeleteAsync();
        await Instances.DeleteAsync();
        await Payloads.DeleteIfExistsAsync();
        foreach (var queue in ControlQueues.Append(WorkItems).Append(Poison))
        {
            await queue.DeleteIfExistsAsync();
        }
    }

    private async Task CreateResourcesAsync()
    {
        await Task.WhenAll(
            History.CreateIfNotExistsAsync(),
            Instances.CreateIfNotExistsAsync(),
            Payloads.CreateIfNotExistsAsync(),
            WorkItems.CreateIfNotExistsAsync(),
            Poison.CreateIfNotExistsAsync(),
            Task.WhenAll(ControlQueues.Select(queue => queue.CreateIfNotExistsAsync())));
    }

    private static T WithCounter<T>(T options, HttpPipelinePolicy policy) where T : ClientOptions
    {
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }
}
