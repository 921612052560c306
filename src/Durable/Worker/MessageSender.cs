using Azure.Storage.Queues;
using Durable.Messaging;
using Durable.Storage;

namespace Durable.Worker;

/// <summary>
/// Sends committed outbox messages. When the running worker can take a message itself, it is sent
/// invisible (so it stays durable and another host takes over if this one dies) and handed over in
/// memory at once, instead of waiting for the next poll.
/// </summary>
internal sealed class MessageSender(TaskHubStorage storage, QueueMessageCodec codec, DurableTaskOptions options, TimeProvider time)
{
    /// <summary>Queue visibility cannot exceed seven days; longer timers re-arm when they arrive early.</summary>
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(6);

    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    public ILocalConsumer? LocalConsumer { get; set; }

    /// <summary>Raised with the queue name after a visible send, so this host's poller of that queue wakes.</summary>
    public event Action<string>? MessageSent;

    /// <summary>Raised with the queue name and delay after a delayed send (a timer), so the poller wakes when it is due.</summary>
    public event Action<string, TimeSpan>? MessageScheduled;

    public async Task SendAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 1)
        {
            await SendOneAsync(messages[0], cancellationToken);
            return;
        }

        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (message, token) => await SendOneAsync(message, token));
    }

    private async Task SendOneAsync(OutboundMessage outbound, CancellationToken cancellationToken)
    {
        var queue = outbound.Target == MessageTarget.WorkItem ? storage.WorkItems : storage.ControlQueueFor(outbound.Message.InstanceId);
        var text = await codec.EncodeAsync(outbound.Message);
        var delay = outbound.VisibleAt is { } visibleAt ? visibleAt - time.GetUtcNow().UtcDateTime : TimeSpan.Zero;
        if (delay > TimeSpan.Zero)
        {
            var visibility = RoundUpToSeconds(Min(delay, MaxVisibilityDelay));
            await queue.SendMessageAsync(text, visibility, NeverExpire, cancellationToken);
            MessageScheduled?.Invoke(queue.Name, visibility);
            return;
        }

        if (LocalConsumer is { } local && local.TryReserve(outbound.Target))
        {
            await SendToSelfAsync(queue, text, outbound, local, cancellationToken);
            return;
        }

        await queue.SendMessageAsync(text, null, NeverExpire, cancellationToken);
        MessageSent?.Invoke(queue.Name);
    }

    private async Task SendToSelfAsync(QueueClient queue, string text, OutboundMessage outbound, ILocalConsumer local, CancellationToken cancellationToken)
    {
        var lease = outbound.Target == MessageTarget.WorkItem
            ? options.StorageProvider.WorkItemQueueVisibilityTimeout
            : options.StorageProvider.ControlQueueVisibilityTimeout;
        try
        {
            var receipt = await queue.SendMessageAsync(text, lease, NeverExpire, cancellationToken);
            local.Dispatch(outbound.Target, new DeliveredMessage(outbound.Message, new QueueMessageReceipt(queue, receipt.Value.MessageId, receipt.Value.PopReceipt), 1));
        }
        catch
        {
            local.CancelReservation(outbound.Target);
            throw;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// The queue service takes visibility in whole seconds and the SDK truncates the fraction, so a timer
    /// due in 1.9 s would become visible after 1 s and fire early. Rounding up keeps "never before its time".
    /// </summary>
    private static TimeSpan RoundUpToSeconds(TimeSpan delay) =>
        TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds));
}

/// <summary>The running worker, as seen by the sender: it may accept messages in memory.</summary>
internal interface ILocalConsumer
{
    bool TryReserve(MessageTarget target);

    void CancelReservation(MessageTarget target);

    void Dispatch(MessageTarget target, DeliveredMessage message);
}
