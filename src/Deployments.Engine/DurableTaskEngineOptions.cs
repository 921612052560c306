using Deployments.Platform;

namespace Deployments.Engine;

/// <summary>
/// Settings of the self-hosted engine, bound from host.json's <c>extensions:durableTask</c> section with
/// the names and defaults Durable Functions uses for its Azure Storage provider, so one host.json
/// configures the app under the Functions host and self-hosted alike. Then <see cref="SelfHostSection"/>,
/// with the same names, overrides it: it holds what only the self-host understands or may use, such as
/// leases and visibility timeouts shorter than the Functions extension accepts.
/// </summary>
public sealed class DurableTaskEngineOptions
{
    /// <summary>host.json's <c>extensions:durableTask</c> as configuration holds it once <see cref="HostJsonConfiguration.AddFunctionsHostJson"/> has read the file.</summary>
    public const string HostJsonSection = HostJsonConfiguration.DurableTaskSection;

    /// <summary>The self-host's own section, laid over host.json's; the Functions host never reads it.</summary>
    public const string SelfHostSection = "SelfHost:durableTask";

    /// <summary>
    /// The task hub: it names the queues, tables and blob container the engine uses, and workers share work only
    /// within one hub. The default is Durable Functions' own; the app's host.json sets its name.
    /// </summary>
    public string HubName { get; set; } = "TestHubName";

    /// <summary>Activities this host runs at once; by default ten per processor, as Durable Functions has it.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Orchestration episodes this host runs at once; by default ten per processor, as Durable Functions has it.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Keeps an orchestration's history in memory between episodes, so a step does not reload and replay it.</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>With <see cref="ExtendedSessionsEnabled"/>, the seconds an orchestration with nothing to do keeps its history in memory before it is let go.</summary>
    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    /// <summary>How the Azure Storage provider connects, partitions, polls and leases.</summary>
    public AzureStorageProviderOptions StorageProvider { get; set; } = new();
}

/// <summary>The <c>storageProvider</c> sub-section.</summary>
public sealed class AzureStorageProviderOptions
{
    /// <summary>The setting holding the storage connection: a connection string, or an identity-based section.</summary>
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    /// <summary>
    /// Control queues, and so the partitions orchestrations are spread over and the most workers that share them.
    /// Read when the task hub is created: an existing hub keeps the count it was created with.
    /// </summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Messages fetched from a control queue in one request; 32 is also the queue service's limit.</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>Control-queue messages a worker holds in memory, fetched but not yet processed, before it stops fetching more.</summary>
    public int ControlQueueBufferThreshold { get; set; } = 64;

    /// <summary>The longest an idle queue goes unpolled; polling backs off up to it and resets when a message arrives.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dequeued message stays hidden: after a crash, the work it carried resumes once this runs out.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a dequeued activity message stays hidden: after a crash, the activity runs again once this runs out.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a worker owns a control-queue partition without renewing it; a crashed worker's partitions move
    /// after this. Self-host only: the Functions extension has no such setting (it keeps its own lease defaults).
    /// </summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an owner renews its partitions; well inside <see cref="LeaseInterval"/>, so one slow renewal loses nothing.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a worker looks for partitions to take: ones nobody owns, ones whose lease ran out, or its share when workers join.</summary>
    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Keeps partition ownership in a table (the provider's table partition manager) rather than in leased blobs.</summary>
    public bool UseTablePartitionManagement { get; set; } = true;
}
