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
    public const string HostJsonSection = HostJsonConfiguration.DurableTaskSection;

    /// <summary>The self-host's own section, laid over host.json's; the Functions host never reads it.</summary>
    public const string SelfHostSection = "SelfHost:durableTask";

    public string HubName { get; set; } = "TestHubName";

    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Keeps an orchestration's history in memory between episodes, so a step does not reload and replay it.</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    public AzureStorageProviderOptions StorageProvider { get; set; } = new();
}

/// <summary>The <c>storageProvider</c> sub-section.</summary>
public sealed class AzureStorageProviderOptions
{
    /// <summary>The setting holding the storage connection: a connection string, or an identity-based section.</summary>
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    public int PartitionCount { get; set; } = 4;

    public int ControlQueueBatchSize { get; set; } = 32;

    public int ControlQueueBufferThreshold { get; set; } = 64;

    /// <summary>The longest an idle queue goes unpolled; polling backs off up to it and resets when a message arrives.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dequeued message stays hidden: after a crash, the work it carried resumes once this runs out.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a worker owns a control-queue partition without renewing it; a crashed worker's partitions move
    /// after this. Self-host only: the Functions extension has no such setting (it keeps its own lease defaults).
    /// </summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(10);

    public bool UseTablePartitionManagement { get; set; } = true;
}
