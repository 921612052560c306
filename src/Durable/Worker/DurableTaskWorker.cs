using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Durable.Messaging;
using Durable.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Durable.Worker;

/// <summary>
/// The self-hosted worker: polls the hub's control and work-item queues, takes messages it sends to
/// itself straight from memory, and on shutdown stops taking work, lets in-flight work finish, and
/// hands back whatever cannot finish in time.
/// </summary>
internal sealed partial class DurableTaskWorker(
    TaskHubStorage storage,
    MessageIntake intake,
    OrchestrationDispatcher orchestrations,
    ActivityDispatcher activities,
    MessageSender sender,
    PendingStartRecovery pendingStarts,
    DurableTaskOptions options,
    TimeProvider time,
    ILogger<DurableTaskWorker> logger) : BackgroundService, ILocalConsumer
{
    private static readonly TimeSpan ReleaseGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TimerWakeMargin = TimeSpan.FromMilliseconds(20);
    private readonly InFlightWork inFlight = new();
    private readonly CancellationTokenSource activityCancellation = new();
    private readonly List<QueuePoller> pollers = [];
    private int controlMessagesInFlight;
    private volatile bool stopping;

    private int MaxControlMessagesInFlight => Math.Max(64, options.MaxConcurrentOrchestratorFunctions * 4);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        sender.LocalConsumer = null;
        await base.StopAsync(cancellationToken);
        try
        {
            await inFlight.WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogReleasing(inFlight.Count);
            await activityCancellation.CancelAsync();
            using var grace = new CancellationTokenSource(ReleaseGrace);
            await inFlight.WhenIdleAsync(grace.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override void Dispose()
    {
        activityCancellation.Dispose();
        pollers.ForEach(p => p.Dispose());
        base.Dispose();
    }

    bool ILocalConsumer.TryReserve(MessageTarget target) =>
        !stopping && (target == MessageTarget.Control || activities.TryReserve());

    void ILocalConsumer.CancelReservation(MessageTarget target)
    {
        if (target == MessageTarget.WorkItem)
        {
            activities.Release();
        }
    }

    void ILocalConsumer.Dispatch(MessageTarget target, DeliveredMessage message) =>
        inFlight.Track(target == MessageTarget.WorkItem
            ? activities.RunReservedAsync(message, deliverLocally: true, activityCancellation.Token)
            : orchestrations.EnqueueAsync(message));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.EnsureCreatedAsync();
        var provider = options.StorageProvider;
        foreach (var queue in storage.ControlQueues)
        {
            pollers.Add(new QueuePoller(queue, () => MaxControlMessagesInFlight - Volatile.Read(ref controlMessagesInFlight),
                message => Track(HandleControlAsync(queue, message)), provider.ControlQueueVisibilityTimeout, provider.ControlQueueBatchSize, provider, logger));
        }

        pollers.Add(new QueuePoller(storage.WorkItems, () => activities.FreeSlots,
            message => Track(HandleWorkItemAsync(storage.WorkItems, message)), provider.WorkItemQueueVisibilityTimeout, 32, provider, logger));

        sender.MessageSent += WakePoller;
        sender.MessageScheduled += WakePollerLater;
        if (provider.LocalDispatchEnabled)
        {
            sender.LocalConsumer = this;
        }

        LogStarted(options.HubName, storage.ControlQueues.Count);
        try
        {
            await Task.WhenAll(pollers.Select(p => p.RunAsync(stoppingToken)).Append(pendingStarts.RunAsync(stoppingToken)));
        }
        finally
        {
            sender.MessageSent -= WakePoller;
            sender.MessageScheduled -= WakePollerLater;
        }
    }

    private void WakePoller(string queueName) => pollers.Find(p => p.QueueName == queueName)?.Wake();

    /// <summary>A timer this host set becomes visible at a known time: poll then, not at the next back-off.</summary>
    private void WakePollerLater(string queueName, TimeSpan delay) =>
        _ = Task.Delay(delay + TimerWakeMargin, time, activityCancellation.Token)
            .ContinueWith(delayed => { if (delayed.IsCompletedSuccessfully) { WakePoller(queueName); } }, TaskScheduler.Default);

    private Task Track(Task work)
    {
        inFlight.Track(work);
        return work;
    }

    private async Task HandleControlAsync(QueueClient queue, QueueMessage message)
    {
        Interlocked.Increment(ref controlMessagesInFlight);
        try
        {
            await intake.HandleControlAsync(ToRaw(queue, message), new QueueMessageReceipt(queue, message.MessageId, message.PopReceipt));
        }
        catch (Exception failure)
        {
            LogMessageFailed(message.MessageId, queue.Name, failure);
        }
        finally
        {
            Interlocked.Decrement(ref controlMessagesInFlight);
        }
    }

    private async Task HandleWorkItemAsync(QueueClient queue, QueueMessage message)
    {
        try
        {
            var deliverLocally = options.StorageProvider.LocalDispatchEnabled && !stopping;
            await intake.HandleWorkItemAsync(ToRaw(queue, message), new QueueMessageReceipt(queue, message.MessageId, message.PopReceipt),
                slotReserved: false, deliverLocally, activityCancellation.Token);
        }
        catch (Exception failure)
        {
            LogMessageFailed(message.MessageId, queue.Name, failure);
        }
    }

    private static RawMessage ToRaw(QueueClient queue, QueueMessage message) =>
        new(queue.Name, message.MessageId, message.MessageText, message.DequeueCount, message.InsertedOn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable worker started on hub {HubName} with {Partitions} control queues")]
    private partial void LogStarted(string hubName, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timeout reached with {Count} work items in flight; releasing them to other hosts")]
    private partial void LogReleasing(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} on {Queue} was not processed; it will be retried")]
    private partial void LogMessageFailed(string messageId, string queue, Exception failure);
}
