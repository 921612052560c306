using Deployments.Engine;
using Deployments.Platform;
using Microsoft.Extensions.Configuration;

namespace Deployments.Bench;

/// <summary>
/// The engine settings a row of the benchmark runs with: the host.json <c>durableTask</c> values that change how the
/// Durable Task Framework's Azure Storage provider behaves. Every other setting keeps its default.
/// </summary>
internal sealed record EngineSettings(
    string Name, bool ExtendedSessions, TimeSpan MaxQueuePollingInterval, int PartitionCount, int ControlQueueBatchSize, int OrchestratorSlots, int ActivitySlots)
{
    /// <summary>When set, the host reads this host.json first, so every other durableTask value it ships applies too.</summary>
    public string? HostJson { get; init; }

    /// <summary>What Durable Functions runs with when host.json says nothing (concurrency: 10 per core).</summary>
    public static EngineSettings DurableFunctionsDefaults { get; } = From("Durable Functions defaults", new DurableTaskEngineOptions());

    /// <summary>The values src/Deployments.Functions/host.json ships (copied next to the benchmark at build).</summary>
    public static EngineSettings Shipped()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "shipped-host.json");
        var hostJson = new ConfigurationBuilder().AddFunctionsHostJson(path).Build();
        var options = new DurableTaskEngineOptions();
        hostJson.GetSection(DurableTaskEngineOptions.HostJsonSection).Bind(options);
        return From("shipped host.json", options) with { HostJson = path };
    }

    /// <summary>Sets every value this record carries, whatever host.json or the defaults said.</summary>
    public void ApplyTo(DurableTaskEngineOptions options)
    {
        options.ExtendedSessionsEnabled = ExtendedSessions;
        options.MaxConcurrentOrchestratorFunctions = OrchestratorSlots;
        options.MaxConcurrentActivityFunctions = ActivitySlots;
        options.StorageProvider.MaxQueuePollingInterval = MaxQueuePollingInterval;
        options.StorageProvider.PartitionCount = PartitionCount;
        options.StorageProvider.ControlQueueBatchSize = ControlQueueBatchSize;
    }

    public string Describe() =>
        $"extendedSessionsEnabled {(ExtendedSessions ? "true" : "false")}, maxQueuePollingInterval {MaxQueuePollingInterval.TotalSeconds:0.#} s, "
        + $"partitionCount {PartitionCount}, controlQueueBatchSize {ControlQueueBatchSize}, maxConcurrentOrchestratorFunctions {OrchestratorSlots}, maxConcurrentActivityFunctions {ActivitySlots}"
        + (HostJson is null ? "" : "; the rest of its durableTask section as shipped");

    private static EngineSettings From(string name, DurableTaskEngineOptions options) => new(
        name,
        options.ExtendedSessionsEnabled,
        options.StorageProvider.MaxQueuePollingInterval,
        options.StorageProvider.PartitionCount,
        options.StorageProvider.ControlQueueBatchSize,
        options.MaxConcurrentOrchestratorFunctions,
        options.MaxConcurrentActivityFunctions);
}
