using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Durable.Tests.Infrastructure;

/// <summary>
/// Plays the Azure Functions host in custom-handler mode: it takes messages off the hub's queues, hands
/// each to <see cref="DurableTaskEngine.ProcessQueueMessageAsync"/>, deletes it when that returns and
/// lets it come back when that throws, as a queue trigger does.
/// </summary>
internal sealed class QueueTriggerHost : IAsyncDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task polling;

    public QueueTriggerHost(DurableTestHost host, string connectionString)
    {
        var engine = host.Services.GetRequiredService<DurableTaskEngine>();
        var queues = engine.ControlQueueNames.Append(engine.WorkItemQueueName).Select(name => new QueueClient(connectionString, name)).ToList();
        polling = Task.Run(() => PollAsync(engine, queues, stopping.Token));
    }

    public int Invocations;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await polling;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
    }

    private async Task PollAsync(DurableTaskEngine engine, List<QueueClient> queues, CancellationToken cancellationToken)
    {
        await engine.EnsureCreatedAsync();
        while (!cancellationToken.IsCancellationRequested)
        {
            var invocations = new List<Task>();
            foreach (var queue in queues)
            {
                foreach (var message in (await queue.ReceiveMessagesAsync(16, Lease, cancellationToken)).Value)
                {
                    invocations.Add(InvokeAsync(engine, queue, message, cancellationToken));
                }
            }

            await Task.WhenAll(invocations);
            if (invocations.Count == 0)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private async Task InvokeAsync(DurableTaskEngine engine, QueueClient queue, Azure.Storage.Queues.Models.QueueMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Invocations);
        try
        {
            await engine.ProcessQueueMessageAsync(queue.Name, message.MessageId, message.MessageText, message.DequeueCount, message.InsertedOn, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
            return;
        }

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }
}
