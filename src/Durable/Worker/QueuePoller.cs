using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Durable.Worker;

/// <summary>
/// Polls one queue. An empty poll doubles the wait up to the configured maximum, so an idle hub costs
/// few transactions; a message sent by this host (or any message found) resets it at once.
/// </summary>
internal sealed partial class QueuePoller(
    QueueClient queue,
    Func<int> freeCapacity,
    Func<QueueMessage, Task> handle,
    TimeSpan visibilityTimeout,
    int batchSize,
    StorageProviderOptions options,
    ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public string QueueName => queue.Name;

    public void Wake()
    {
        try
        {
            if (wake.CurrentCount == 0)
            {
                wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public void Dispose() => wake.Dispose();

    public async Task RunAsync(CancellationToken stopping)
    {
        var delay = options.MinQueuePollingInterval;
        while (!stopping.IsCancellationRequested)
        {
            var capacity = Math.Min(batchSize, freeCapacity());
            if (capacity <= 0)
            {
                await WaitAsync(options.MinQueuePollingInterval, stopping);
                continue;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(capacity, visibilityTimeout, stopping)).Value;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Azure.RequestFailedException failure)
            {
                LogPollFailed(queue.Name, failure);
                await WaitAsync(options.MaxQueuePollingInterval, stopping);
                continue;
            }

            if (messages.Length == 0)
            {
                await WaitAsync(delay, stopping);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxQueuePollingInterval.Ticks));
                continue;
            }

            delay = options.MinQueuePollingInterval;
            foreach (var message in messages)
            {
                _ = handle(message);
            }
        }
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await wake.WaitAsync(delay, stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {Queue} failed")]
    private partial void LogPollFailed(string queue, Exception failure);
}
