using Durable.Messaging;
using Durable.Storage;
using Microsoft.Extensions.Logging;

namespace Durable.Worker;

/// <summary>
/// Moves a message that keeps failing to the poison queue and marks its instance Failed with the reason,
/// so nothing loops forever and nobody has to discover a stuck instance by chance.
/// </summary>
internal sealed partial class PoisonHandler(
    TaskHubStorage storage,
    InstanceStore store,
    InstanceQueryStore queries,
    OrchestrationCache cache,
    MessageSender sender,
    TimeProvider time,
    ILogger<PoisonHandler> logger)
{
    public async Task HandleAsync(string queueName, string messageText, string messageId, long dequeueCount, string? lastError, IMessageReceipt receipt)
    {
        var instanceId = QueueMessageCodec.TryReadInstanceId(messageText);
        var reason = $"Message {messageId} from queue '{queueName}' failed {dequeueCount} times and was moved to queue '{storage.Poison.Name}'."
            + (lastError is null ? "" : $" Last error: {lastError}");
        var record = DurableJson.Serialize(new PoisonRecord(queueName, messageId, dequeueCount, instanceId, reason, messageText, time.GetUtcNow()))!;
        await storage.Poison.SendMessageAsync(record, null, TimeSpan.FromSeconds(-1));
        DurableTelemetry.PoisonMessages.Add(1);
        LogPoisoned(messageId, queueName, instanceId, dequeueCount);
        if (instanceId is not null)
        {
            await FailInstanceAsync(instanceId, reason);
        }

        await receipt.CompleteAsync();
    }

    private async Task FailInstanceAsync(string instanceId, string reason)
    {
        cache.Evict(instanceId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.ReadStateAsync(instanceId, CancellationToken.None) is not { } current
                || current.State.IsPlaceholder
                || current.State.Status.IsTerminal())
            {
                return;
            }

            var failed = current.State with
            {
                Status = OrchestrationRuntimeStatus.Failed,
                Failure = new TaskFailureDetails("PoisonMessage", reason),
                LastUpdatedAt = time.GetUtcNow(),
            };
            if (await store.TryReplaceStateAsync(failed, current.ETag, CancellationToken.None))
            {
                await queries.UpsertAsync(failed, CancellationToken.None);
                await NotifyParentAsync(instanceId, failed);
                return;
            }
        }
    }

    /// <summary>A parent waiting on this instance would otherwise wait forever.</summary>
    private async Task NotifyParentAsync(string instanceId, InstanceState failed)
    {
        if (failed.ParentInstanceId is null)
        {
            return;
        }

        try
        {
            var snapshot = await store.LoadAsync(instanceId, CancellationToken.None);
            if (snapshot.History.OfType<ExecutionStarted>().FirstOrDefault()?.Parent is { } parent)
            {
                var now = time.GetUtcNow().UtcDateTime;
                var message = TaskMessage.Create(parent.InstanceId, parent.ExecutionId, new SubOrchestrationFailed(parent.TaskId, failed.Failure!) { Timestamp = now }, now);
                await sender.SendAsync([new OutboundMessage(MessageTarget.Control, message)]);
            }
        }
        catch (Exception unreadable) when (unreadable is Azure.RequestFailedException or System.Text.Json.JsonException)
        {
            LogParentNotNotified(instanceId, unreadable);
        }
    }

    private sealed record PoisonRecord(string Queue, string MessageId, long DequeueCount, string? InstanceId, string Reason, string Message, DateTimeOffset PoisonedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} from {Queue} (instance {InstanceId}) was poisoned after {DequeueCount} deliveries")]
    private partial void LogPoisoned(string messageId, string queue, string? instanceId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the parent of poisoned instance {InstanceId}")]
    private partial void LogParentNotNotified(string instanceId, Exception failure);
}
