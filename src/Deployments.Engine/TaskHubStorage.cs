using Deployments.Platform;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deployments.Engine;

/// <summary>
/// The Durable Task Framework's Azure Storage provider for this host's task hub: history and instances in
/// tables, messages in queues, large payloads and leases in blobs. The worker and the client share it.
/// </summary>
internal sealed class TaskHubStorage : IDisposable
{
    public TaskHubStorage(IOptions<DurableTaskEngineOptions> options, StorageConnection connection, StorageTransactionCounter counter, ILoggerFactory loggers)
    {
        var engine = options.Value;
        var provider = engine.StorageProvider;
        Settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = engine.HubName,
            StorageAccountClientProvider = ClientProvider(connection, counter),
            PartitionCount = provider.PartitionCount,
            ControlQueueBatchSize = provider.ControlQueueBatchSize,
            ControlQueueBufferThreshold = provider.ControlQueueBufferThreshold,
            MaxQueuePollingInterval = provider.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = provider.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = provider.WorkItemQueueVisibilityTimeout,
            LeaseInterval = provider.LeaseInterval,
            LeaseRenewInterval = provider.LeaseRenewInterval,
            LeaseAcquireInterval = provider.LeaseAcquireInterval,
            UseTablePartitionManagement = provider.UseTablePartitionManagement,
            // A start on an id whose instance is still active is refused, not silently dropped.
            ThrowExceptionOnInvalidDedupeStatus = true,
            MaxConcurrentTaskActivityWorkItems = engine.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = engine.MaxConcurrentOrchestratorFunctions,
            ExtendedSessionsEnabled = engine.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(engine.ExtendedSessionIdleTimeoutInSeconds),
            LoggerFactory = loggers,
        };
        Service = new AzureStorageOrchestrationService(Settings);
    }

    public AzureStorageOrchestrationServiceSettings Settings { get; }

    public AzureStorageOrchestrationService Service { get; }

    public string HubName => Settings.TaskHubName;

    public void Dispose() => Service.Dispose();

    private static StorageAccountClientProvider ClientProvider(StorageConnection connection, StorageTransactionCounter counter)
    {
        if (connection.ConnectionString is { } text)
        {
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(text, counter.CountedBlobClientOptions()),
                StorageServiceClientProvider.ForQueue(text, counter.CountedQueueClientOptions()),
                StorageServiceClientProvider.ForTable(text, counter.CountedTableClientOptions()));
        }

        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connection.BlobUri!, connection.Credential!, counter.CountedBlobClientOptions()),
            StorageServiceClientProvider.ForQueue(connection.QueueUri!, connection.Credential!, counter.CountedQueueClientOptions()),
            StorageServiceClientProvider.ForTable(connection.TableUri!, connection.Credential!, counter.CountedTableClientOptions()));
    }
}
