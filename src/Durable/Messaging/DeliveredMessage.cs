using Azure.Storage.Queues;

namespace Durable.Messaging;

/// <summary>A message handed to the engine, with the way to acknowledge it to whoever delivered it.</summary>
internal sealed record DeliveredMessage(TaskMessage Message, IMessageReceipt Receipt, long DequeueCount);

/// <summary>Acknowledges a delivered message: delete when done, release for another try when not.</summary>
internal interface IMessageReceipt
{
    string MessageId { get; }

    Task CompleteAsync();

    Task AbandonAsync(TimeSpan visibleAfter);

    /// <summary>Keeps the message invisible to other workers while long work on it goes on.</summary>
    Task RenewAsync(TimeSpan visibility);
}

/// <summary>A message taken from (or sent invisibly to) a storage queue, identified by id and pop receipt.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never read holds nothing to dispose.")]
internal sealed class QueueMessageReceipt(QueueClient queue, string messageId, string popReceipt) : IMessageReceipt
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string popReceipt = popReceipt;
    private bool settled;

    public string MessageId => messageId;

    public Task CompleteAsync() => SettleAsync(() => queue.DeleteMessageAsync(messageId, popReceipt));

    public Task AbandonAsync(TimeSpan visibleAfter) =>
        SettleAsync(() => queue.UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: visibleAfter));

    public async Task RenewAsync(TimeSpan visibility)
    {
        await gate.WaitAsync();
        try
        {
            if (!settled)
            {
                var updated = await queue.UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: visibility);
                popReceipt = updated.Value.PopReceipt;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task SettleAsync(Func<Task> settle)
    {
        await gate.WaitAsync();
        try
        {
            if (settled)
            {
                return;
            }

            settled = true;
            await settle();
        }
        catch (Azure.RequestFailedException gone) when (gone.Status == 404)
        {
            // Already deleted, or its lease lapsed and another worker owns it now: nothing left to settle.
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>
/// A message delivered by someone who settles it themselves (the Functions host deletes a queue trigger's
/// message when the invocation succeeds), or one that exists only in memory.
/// </summary>
internal sealed class ExternallySettledReceipt(string messageId) : IMessageReceipt
{
    public string MessageId => messageId;

    public Task CompleteAsync() => Task.CompletedTask;

    public Task AbandonAsync(TimeSpan visibleAfter) => Task.CompletedTask;

    public Task RenewAsync(TimeSpan visibility) => Task.CompletedTask;
}
