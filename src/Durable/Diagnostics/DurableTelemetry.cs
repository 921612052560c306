using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Durable;

/// <summary>The engine's traces and metrics; subscribe with OpenTelemetry using <see cref="Name"/>.</summary>
public static class DurableTelemetry
{
    public const string Name = "Durable";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Episodes = Meter.CreateCounter<long>("durable.orchestration.episodes", description: "Orchestration steps committed.");

    public static readonly Counter<long> Replays = Meter.CreateCounter<long>("durable.orchestration.replays", description: "Full history replays (cache misses).");

    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>("durable.orchestration.cache_hits", description: "Steps served from the orchestration cache without replay.");

    public static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("durable.orchestration.conflicts", description: "Checkpoints refused because another worker committed first.");

    public static readonly Counter<long> ActivityExecutions = Meter.CreateCounter<long>("durable.activity.executions", description: "Activity executions.");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("durable.failures", description: "Failed orchestrations, activities and message processing attempts.");

    public static readonly Counter<long> PoisonMessages = Meter.CreateCounter<long>("durable.messages.poisoned", description: "Messages moved to the poison queue.");

    public static readonly Counter<long> StorageTransactions = Meter.CreateCounter<long>("durable.storage.transactions", description: "Requests sent to Azure Storage.");

    public static readonly Histogram<double> QueueLatency = Meter.CreateHistogram<double>("durable.queue.latency", "ms", "Time from a message being sent to its processing.");

    public static readonly Histogram<double> EpisodeDuration = Meter.CreateHistogram<double>("durable.orchestration.step.duration", "ms", "Time to run and commit one orchestration step.");

    public static readonly Histogram<double> ActivityDuration = Meter.CreateHistogram<double>("durable.activity.duration", "ms", "Activity execution time.");
}
