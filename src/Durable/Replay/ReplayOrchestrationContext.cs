using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Durable.Replay;

/// <summary>The context handed to orchestrator code; every request becomes an action the executor records.</summary>
internal sealed class ReplayOrchestrationContext(OrchestrationExecutor executor, ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    private int guidCounter;

    public override string Name => executor.Started.Name;

    public override string InstanceId => executor.InstanceId;

    public override string? ParentInstanceId => executor.Started.Parent?.InstanceId;

    public override bool IsReplaying => executor.IsReplaying;

    public override DateTime CurrentUtcDateTime => executor.CurrentUtcDateTime;

    public override T? GetInput<T>() where T : default => DurableJson.Deserialize<T>(executor.Started.Input);

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serializedInput = DurableJson.Serialize(input);
        var json = await WithRetries(options?.Retry, () => executor.Schedule(id => new ScheduleTaskAction(id, name, serializedInput)));
        return DurableJson.Deserialize<TResult>(json)!;
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, SubOrchestrationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serializedInput = DurableJson.Serialize(input);
        var json = await WithRetries(options?.Retry, () =>
        {
            var childId = options?.InstanceId ?? NewGuid().ToString("N");
            return executor.Schedule(id => new CreateSubOrchestrationAction(id, name, childId, serializedInput));
        });
        return DurableJson.Deserialize<TResult>(json)!;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        executor.Schedule(id => new CreateTimerAction(id, DateTime.SpecifyKind(fireAt, DateTimeKind.Utc)), cancellationToken);

    public override async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var json = await executor.WaitForEvent(eventName, cancellationToken);
        return DurableJson.Deserialize<T>(json)!;
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var waitCancellation = new CancellationTokenSource();
        var eventTask = executor.WaitForEvent(eventName, waitCancellation.Token);
        var timerTask = CreateTimer(CurrentUtcDateTime.Add(timeout), timerCancellation.Token);
        var winner = await Task.WhenAny(eventTask, timerTask);
        if (winner == eventTask)
        {
            CancelNow(timerCancellation);
            return DurableJson.Deserialize<T>(await eventTask)!;
        }

        // Withdraw the waiter so an event arriving later is buffered for the next wait, not lost.
        CancelNow(waitCancellation);
        await timerTask;
        throw new TaskCanceledException($"Timed out after {timeout} waiting for external event '{eventName}'.");
    }

    public override void SendEvent(string instanceId, string eventName, object? eventData)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        _ = executor.Schedule(id => new SendEventAction(id, instanceId, eventName, DurableJson.Serialize(eventData)));
    }

    public override void SetCustomStatus(object? customStatus) => executor.CustomStatus = DurableJson.Serialize(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        executor.RequestContinueAsNew(DurableJson.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        // Name-based (version 5 style) so every replay of this step derives the same value.
        var name = $"{InstanceId}|{executor.Started.ExecutionId}|{CurrentUtcDateTime.Ticks}|{guidCounter++}";
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 name-based UUIDs specify; this is not a security use.
        SHA1.HashData(Encoding.UTF8.GetBytes(name), hash);
#pragma warning restore CA5350
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(loggerFactory.CreateLogger(categoryName), this);

    private async Task<string?> WithRetries(RetryPolicy? retry, Func<Task<string?>> attempt)
    {
        if (retry is null)
        {
            return await attempt();
        }

        var firstAttemptAt = CurrentUtcDateTime;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception failure) when (FailureOf(failure) is { } details && retry.ShouldRetry(number, CurrentUtcDateTime - firstAttemptAt, details))
            {
                await CreateTimer(CurrentUtcDateTime.Add(retry.DelayBefore(number + 1)), CancellationToken.None);
            }
        }
    }

    // Cancel synchronously: CancelAsync would run the callbacks on the thread pool, outside the replay scheduler.
#pragma warning disable CA1849
    private static void CancelNow(CancellationTokenSource source) => source.Cancel();
#pragma warning restore CA1849

    private static TaskFailureDetails? FailureOf(Exception exception) => exception switch
    {
        TaskFailedException task => task.FailureDetails,
        SubOrchestrationFailedException sub => sub.FailureDetails,
        _ => null,
    };
}
