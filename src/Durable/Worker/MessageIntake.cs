using System.Collections.Concurrent;
using Durable.Messaging;
using Durable.Storage;
using Microsoft.Extensions.Logging;

namespace Durable.Worker;

/// <summary>A queue message as delivered, before decoding.</summary>
internal sealed record RawMessage(string QueueName, string MessageId, string Text, long DequeueCount, DateTimeOffset? InsertedOn);

/// <summary>
/// The first stop of every delivered queue message, whoever delivered it (this host's pollers or the
/// Functions host's queue trigger): poison check, decoding, timer re-arming, then dispatch.
/// </summary>
internal sealed partial class MessageIntake(
    QueueMessageCodec codec,
    OrchestrationDispatcher orchestrations,
    ActivityDispatcher activities,
    PoisonHandler poison,
    MessageSender sender,
    DurableTaskOptions options,
    TimeProvider time,
    ILogger<MessageIntake> logger)
{
    private const int MaxRememberedErrors = 10_000;
    private static readonly TimeSpan TimerTolerance = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, string> lastErrors = new();

    public async Task HandleControlAsync(RawMessage raw, IMessageReceipt receipt)
    {
        if (await PoisonIfExhaustedAsync(raw, receipt))
        {
            return;
        }

        var message = await DecodeAsync(raw, receipt);
        RecordLatency(raw);
        if (message.Event is TimerFired fired && fired.FireAt > time.GetUtcNow().UtcDateTime + TimerTolerance)
        {
            // A timer longer than the queue's visibility limit arrives early: send it on for the rest.
            await sender.SendAsync([new OutboundMessage(MessageTarget.Control, message, fired.FireAt)]);
            await receipt.CompleteAsync();
            return;
        }

        await Remembering(raw, () => orchestrations.EnqueueAsync(new DeliveredMessage(message, receipt, raw.DequeueCount)));
    }

    /// <summary>Runs a work item; <paramref name="slotReserved"/> says whether the caller already holds an activity slot.</summary>
    public async Task HandleWorkItemAsync(RawMessage raw, IMessageReceipt receipt, bool slotReserved, bool deliverLocally, CancellationToken stopping)
    {
        TaskMessage message;
        try
        {
            if (await PoisonIfExhaustedAsync(raw, receipt))
            {
                ReleaseIf(slotReserved);
                return;
            }

            message = await DecodeAsync(raw, receipt);
        }
        catch
        {
            ReleaseIf(slotReserved);
            throw;
        }

        RecordLatency(raw);
        if (!slotReserved)
        {
            await activities.ReserveAsync(stopping);
        }

        await Remembering(raw, () => activities.RunReservedAsync(new DeliveredMessage(message, receipt, raw.DequeueCount), deliverLocally, stopping));
    }

    private void ReleaseIf(bool slotReserved)
    {
        if (slotReserved)
        {
            activities.Release();
        }
    }

    private async Task<bool> PoisonIfExhaustedAsync(RawMessage raw, IMessageReceipt receipt)
    {
        if (raw.DequeueCount <= options.StorageProvider.PoisonMessageDequeueCount)
        {
            return false;
        }

        lastErrors.TryRemove(raw.MessageId, out var lastError);
        await poison.HandleAsync(raw.QueueName, raw.Text, raw.MessageId, raw.DequeueCount, lastError, receipt);
        return true;
    }

    private async Task<TaskMessage> DecodeAsync(RawMessage raw, IMessageReceipt receipt)
    {
        try
        {
            return await codec.DecodeAsync(raw.Text);
        }
        catch (Exception unreadable) when (unreadable is FormatException or System.Text.Json.JsonException or NotSupportedException or Azure.RequestFailedException)
        {
            Remember(raw.MessageId, unreadable);
            LogUnreadable(raw.MessageId, raw.QueueName, unreadable);
            await receipt.AbandonAsync(options.StorageProvider.MessageRetryDelay);
            throw;
        }
    }

    private async Task Remembering(RawMessage raw, Func<Task> handle)
    {
        try
        {
            await handle();
            lastErrors.TryRemove(raw.MessageId, out _);
        }
        catch (Exception failure)
        {
            Remember(raw.MessageId, failure);
            throw;
        }
    }

    private void Remember(string messageId, Exception failure)
    {
        if (lastErrors.Count > MaxRememberedErrors)
        {
            lastErrors.Clear();
        }

        lastErrors[messageId] = $"{failure.GetType().Name}: {failure.Message}";
    }

    private void RecordLatency(RawMessage raw)
    {
        if (raw.InsertedOn is { } inserted)
        {
            DurableTelemetry.QueueLatency.Record(Math.Max(0, (time.GetUtcNow() - inserted).TotalMilliseconds));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {Queue} could not be read")]
    private partial void LogUnreadable(string messageId, string queue, Exception failure);
}
