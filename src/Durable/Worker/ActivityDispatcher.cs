using System.Diagnostics;
using Durable.Messaging;
using Durable.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Durable.Worker;

/// <summary>
/// Runs activities within the concurrency limit. A completion goes straight to this host's orchestration
/// dispatcher when local dispatch is on (the work item is deleted only after that step commits), or to
/// the instance's control queue otherwise.
/// </summary>
internal sealed partial class ActivityDispatcher(
    DurableTaskRegistry registry,
    IServiceScopeFactory scopes,
    OrchestrationDispatcher orchestrations,
    MessageSender sender,
    DurableTaskOptions options,
    TimeProvider time,
    ILogger<ActivityDispatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.MaxConcurrentActivityFunctions, options.MaxConcurrentActivityFunctions);

    public int FreeSlots => slots.CurrentCount;

    public bool TryReserve() => slots.Wait(0);

    public Task ReserveAsync(CancellationToken cancellationToken) => slots.WaitAsync(cancellationToken);

    public void Release() => slots.Release();

    public void Dispose() => slots.Dispose();

    /// <summary>Runs a work item on a slot the caller reserved; the slot is released when the activity ends.</summary>
    public async Task RunReservedAsync(DeliveredMessage workItem, bool deliverLocally, CancellationToken stopping)
    {
        TaskMessage completion;
        try
        {
            completion = await ExecuteAsync(workItem, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: hand the work item back at once so another host can run it.
            await workItem.Receipt.AbandonAsync(TimeSpan.Zero);
            return;
        }
        finally
        {
            Release();
        }

        if (deliverLocally)
        {
            _ = orchestrations.EnqueueAsync(new DeliveredMessage(completion, workItem.Receipt, 1));
            return;
        }

        await sender.SendAsync([new OutboundMessage(MessageTarget.Control, completion)], CancellationToken.None);
        await workItem.Receipt.CompleteAsync();
    }

    private async Task<TaskMessage> ExecuteAsync(DeliveredMessage workItem, CancellationToken stopping)
    {
        var message = workItem.Message;
        var scheduled = (TaskScheduled)message.Event;
        using var span = DurableTelemetry.ActivitySource.StartActivity($"activity {scheduled.Name}");
        span?.SetTag("durable.instance_id", message.InstanceId);
        span?.SetTag("durable.task_id", scheduled.TaskId);
        var started = Stopwatch.GetTimestamp();
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewing = KeepLeaseAsync(workItem.Receipt, renewal.Token);
        HistoryEvent result;
        try
        {
            result = await InvokeAsync(message, scheduled, stopping);
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }

        DurableTelemetry.ActivityExecutions.Add(1, new KeyValuePair<string, object?>("name", scheduled.Name));
        DurableTelemetry.ActivityDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("name", scheduled.Name));
        if (result is TaskFailed failed)
        {
            span?.SetStatus(ActivityStatusCode.Error, failed.Failure.ErrorMessage);
            DurableTelemetry.Failures.Add(1, new KeyValuePair<string, object?>("kind", "activity"));
        }

        var now = time.GetUtcNow().UtcDateTime;
        return TaskMessage.Create(message.InstanceId, message.ExecutionId, result with { Timestamp = now }, now);
    }

    private async Task<HistoryEvent> InvokeAsync(TaskMessage message, TaskScheduled scheduled, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var activity = registry.CreateActivity(scheduled.Name, scope.ServiceProvider);
        if (activity is null)
        {
            return new TaskFailed(scheduled.TaskId, new TaskFailureDetails("ActivityNotRegistered", $"No activity named '{scheduled.Name}' is registered on this worker."));
        }

        try
        {
            var input = DurableJson.Deserialize(scheduled.Input, activity.InputType);
            var context = new TaskActivityContext(scheduled.Name, message.InstanceId, message.ExecutionId ?? "", scheduled.TaskId, stopping);
            var output = await activity.RunAsync(context, input);
            return new TaskCompleted(scheduled.TaskId, DurableJson.Serialize(output));
        }
        catch (Exception failure) when (!(failure is OperationCanceledException && stopping.IsCancellationRequested))
        {
            LogActivityFailed(scheduled.Name, message.InstanceId, failure);
            return new TaskFailed(scheduled.TaskId, TaskFailureDetails.FromException(failure));
        }
    }

    /// <summary>Extends the work item's invisibility while a long activity runs, so no other host starts it too.</summary>
    private async Task KeepLeaseAsync(IMessageReceipt receipt, CancellationToken cancellationToken)
    {
        var lease = options.StorageProvider.WorkItemQueueVisibilityTimeout;
        try
        {
            while (true)
            {
                await Task.Delay(lease / 2, time, cancellationToken);
                await receipt.RenewAsync(lease);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Azure.RequestFailedException failure)
        {
            LogLeaseLost(receipt.MessageId, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {Name} of instance {InstanceId} failed")]
    private partial void LogActivityFailed(string name, string instanceId, Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not extend the lease of work item {MessageId}; another host may run it too")]
    private partial void LogLeaseLost(string messageId, Exception failure);
}
