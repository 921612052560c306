namespace Durable;

/// <summary>
/// Engine settings, bound from the <c>extensions:durableTask</c> section of host.json so the names match
/// Durable Functions where an equivalent exists.
/// </summary>
public sealed class DurableTaskOptions
{
    public const string HostJsonSection = "AzureFunctionsJobHost:extensions:durableTask";

    public string HubName { get; set; } = "DurableHub";

    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Keeps recently active orchestrations in memory so a step applies only new events.</summary>
    public bool ExtendedSessionsEnabled { get; set; } = true;

    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 300;

    /// <summary>How many orchestrations the cache keeps at most.</summary>
    public int ExtendedSessionMaxCount { get; set; } = 10_000;

    public StorageProviderOptions StorageProvider { get; set; } = new();
}

/// <summary>The <c>storageProvider</c> sub-section: queues, polling and storage connection.</summary>
public sealed class StorageProviderOptions
{
    /// <summary>Name of the configuration setting holding the storage connection (string or identity-based section).</summary>
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    public int PartitionCount { get; set; } = 4;

    public int ControlQueueBatchSize { get; set; } = 32;

    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MinQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A message delivered more often than this moves to the poison queue and fails its instance.</summary>
    public int PoisonMessageDequeueCount { get; set; } = 5;

    /// <summary>Delay before a message whose processing failed becomes visible again.</summary>
    public TimeSpan MessageRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When this host produces a message it can process itself, it does so without waiting for a poll.</summary>
    public bool LocalDispatchEnabled { get; set; } = true;

    /// <summary>How often a host looks for starts left Pending by a client that crashed before sending the start message.</summary>
    public TimeSpan PendingStartRecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);
}
