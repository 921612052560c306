using Durable.Messaging;
using Durable.Storage;
using Microsoft.Extensions.Logging;

namespace Durable.Worker;

/// <summary>
/// Finds instances a client created but whose start message never went out (the client died between
/// the two writes) and sends it. So an instance cannot stay Pending forever, a known Durable Task
/// Framework failure. A start that was sent is recognised by its execution id and not run twice.
/// </summary>
internal sealed partial class PendingStartRecovery(
    InstanceStore store,
    InstanceQueryStore queries,
    MessageSender sender,
    DurableTaskOptions options,
    TimeProvider time,
    ILogger<PendingStartRecovery> logger)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        var interval = options.StorageProvider.PendingStartRecoveryInterval;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stopping);
                await RecoverOnceAsync(interval, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Azure.RequestFailedException failure)
            {
                LogRecoveryFailed(failure);
            }
        }
    }

    public async Task<int> RecoverOnceAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - olderThan;
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Pending], CreatedTo = cutoff };
        var recovered = 0;
        await foreach (var listed in queries.ScanAsync(query, cancellationToken))
        {
            var current = await store.ReadStateAsync(listed.InstanceId, cancellationToken);
            if (current is null)
            {
                // The client died after listing the instance but before creating it.
                await queries.DeleteAsync(listed.InstanceId, cancellationToken);
                continue;
            }

            var state = current.Value.State;
            if (state.IsPlaceholder || state.Status != OrchestrationRuntimeStatus.Pending || state.LastUpdatedAt > cutoff || state.ScheduledStartAt > cutoff)
            {
                continue;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var start = new ExecutionStarted(state.Name, state.ExecutionId, state.Input) { Timestamp = now };
            var visibleAt = state.ScheduledStartAt?.UtcDateTime;
            await sender.SendAsync([new OutboundMessage(MessageTarget.Control, TaskMessage.Create(state.InstanceId, state.ExecutionId, start, now), visibleAt)], cancellationToken);
            LogRecovered(state.InstanceId);
            recovered++;
        }

        return recovered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} was still Pending; its start message was sent again")]
    private partial void LogRecovered(string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for instances stuck in Pending failed")]
    private partial void LogRecoveryFailed(Exception failure);
}
