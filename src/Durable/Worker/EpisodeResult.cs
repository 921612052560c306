using Durable.Replay;
using Durable.Storage;

namespace Durable.Worker;

/// <summary>
/// The outcome of running one episode in memory: what to commit, what to send after the commit, and
/// which delivered messages turned out to be redeliveries.
/// </summary>
internal sealed record EpisodeResult(
    Checkpoint? Checkpoint,
    IReadOnlyList<OutboundMessage> Outbox,
    IReadOnlyList<string> DuplicateKeys,
    OrchestrationExecutor? Executor,
    IReadOnlyList<string> ConsumedInboxRowKeys,
    IReadOnlyList<string> CollectedOutboxRowKeys)
{
    /// <summary>Some message was dropped as not belonging to the execution the runner knew.</summary>
    public bool DroppedStale { get; init; }

    public static EpisodeResult Nothing(IReadOnlyList<string> duplicateKeys, OrchestrationExecutor? executor) =>
        new(null, [], duplicateKeys, executor, [], []);
}
