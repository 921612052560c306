using System.Collections.Concurrent;
using System.Diagnostics;
using Durable.Messaging;
using Durable.Storage;
using Microsoft.Extensions.Logging;

namespace Durable.Worker;

/// <summary>
/// Runs orchestration steps. Messages for one instance collect in its mailbox and are processed as one
/// episode at a time per instance, so a burst of completions (a fan-in) costs one checkpoint, not many.
/// </summary>
internal sealed partial class OrchestrationDispatcher(
    InstanceStore store,
    InstanceQueryStore queries,
    EpisodeRunner runner,
    OrchestrationCache cache,
    MessageSender sender,
    DurableTaskOptions options,
    TimeProvider time,
    ILogger<OrchestrationDispatcher> logger) : IDisposable
{
    private const int MaxConflictRetries = 8;
    private readonly ConcurrentDictionary<string, Mailbox> mailboxes = new();
    private readonly SemaphoreSlim concurrency = new(options.MaxConcurrentOrchestratorFunctions, options.MaxConcurrentOrchestratorFunctions);

    public void Dispose() => concurrency.Dispose();

    /// <summary>Queues a message for its instance; the task ends when the message is committed or dropped.</summary>
    public Task EnqueueAsync(DeliveredMessage message)
    {
        var pending = new PendingMessage(message, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        while (true)
        {
            var mailbox = mailboxes.GetOrAdd(message.Message.InstanceId, id => new Mailbox(id));
            lock (mailbox)
            {
                if (mailbox.Closed)
                {
                    continue;
                }

                mailbox.Pending.Add(pending);
                if (!mailbox.Running)
                {
                    mailbox.Running = true;
                    _ = Task.Run(() => DrainAsync(mailbox));
                }
            }

            return pending.Done.Task;
        }
    }

    private async Task DrainAsync(Mailbox mailbox)
    {
        while (true)
        {
            List<PendingMessage> batch;
            lock (mailbox)
            {
                if (mailbox.Pending.Count == 0)
                {
                    mailbox.Running = false;
                    mailbox.Closed = true;
                    mailboxes.TryRemove(new KeyValuePair<string, Mailbox>(mailbox.InstanceId, mailbox));
                    return;
                }

                batch = [.. mailbox.Pending];
                mailbox.Pending.Clear();
            }

            await concurrency.WaitAsync();
            try
            {
                // The instance's next step need not wait for the deletes of this step's messages.
                var acknowledged = await ProcessAsync(mailbox.InstanceId, batch);
                _ = acknowledged.ContinueWith(_ => batch.ForEach(p => p.Done.TrySetResult()), TaskScheduler.Default);
            }
            catch (Exception failure)
            {
                cache.Evict(mailbox.InstanceId);
                DurableTelemetry.Failures.Add(1, new KeyValuePair<string, object?>("kind", "step"));
                LogStepFailed(mailbox.InstanceId, failure);
                await Task.WhenAll(batch.Select(p => AbandonQuietlyAsync(p.Message.Receipt)));
                batch.ForEach(p => p.Done.TrySetException(failure));
            }
            finally
            {
                concurrency.Release();
            }
        }
    }

    /// <summary>Runs and commits one step; returns the acknowledgement of its messages, still in flight.</summary>
    private async Task<Task> ProcessAsync(string instanceId, List<PendingMessage> batch)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = DurableTelemetry.ActivitySource.StartActivity("orchestration step");
        span?.SetTag("durable.instance_id", instanceId);
        span?.SetTag("durable.messages", batch.Count);
        var messages = batch.Select(p => p.Message.Message).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var session = cache.Take(instanceId);
            var cached = session is not null;
            if (session is null)
            {
                var snapshot = await store.LoadAsync(instanceId, CancellationToken.None);
                session = runner.Load(snapshot, instanceId);
                DurableTelemetry.Replays.Add(1);
            }
            else
            {
                DurableTelemetry.CacheHits.Add(1);
            }

            var prior = session.State is { IsPlaceholder: false } committed ? committed : null;
            var result = runner.Run(session, messages, time.GetUtcNow().UtcDateTime);
            if (cached && result.Checkpoint is null && result.DroppedStale)
            {
                // Another host may have moved the instance on since this one cached it: a completion for a
                // task that host scheduled looks unknown here, and with nothing to commit no ETag check
                // would reveal it. Judge the messages again against storage before dropping any.
                continue;
            }

            IReadOnlyList<string> deferredDeletes = [];
            var visibleChange = false;
            if (result.Checkpoint is { } checkpoint)
            {
                try
                {
                    (session.ETag, deferredDeletes) = await store.CommitAsync(checkpoint, CancellationToken.None);
                }
                catch (InstanceConflictException) when (attempt < MaxConflictRetries)
                {
                    DurableTelemetry.Conflicts.Add(1);
                    LogConflict(instanceId, attempt);
                    continue;
                }

                visibleChange = !checkpoint.State.IsPlaceholder && checkpoint.State.IsVisiblyDifferentFrom(prior);
                ApplyCommitted(session, result, checkpoint);
                span?.SetTag("durable.name", checkpoint.State.Name);
                span?.SetTag("durable.status", checkpoint.State.Status.ToString());
                DurableTelemetry.Episodes.Add(1);
            }

            await AfterCommitAsync(session, result, visibleChange, deferredDeletes);
            cache.Put(session);
            DurableTelemetry.EpisodeDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            // Deleted only now that what this step produced has been sent: a crash before this point
            // brings the messages back, and their redelivery is what triggers the outbox recovery.
            return Task.WhenAll(batch.Select(p => p.Message.Receipt.CompleteAsync()));
        }
    }

    private static void ApplyCommitted(InstanceSession session, EpisodeResult result, Checkpoint checkpoint)
    {
        session.State = checkpoint.State;
        session.Executor = result.Executor;
        session.SentOutboxRowKeys.Clear();
        session.OtherExecutionRowKeys.Clear();
        session.Inbox.RemoveAll(row => result.ConsumedInboxRowKeys.Contains(row.RowKey));
        session.Inbox.AddRange(checkpoint.NewInbox);
        session.UnconfirmedOutbox.RemoveAll(row => result.CollectedOutboxRowKeys.Contains(row.RowKey));
    }

    private async Task AfterCommitAsync(InstanceSession session, EpisodeResult result, bool visibleChange, IReadOnlyList<string> deferredDeletes)
    {
        await sender.SendAsync(result.Outbox);
        if (result.Checkpoint?.Outbox is { } written)
        {
            session.SentOutboxRowKeys.Add(written.RowKey);
        }

        if (result.DuplicateKeys.Count > 0)
        {
            // A redelivered message means the worker that consumed it may have died before sending
            // what that step produced: send those outbox rows again (receivers drop duplicates).
            var resend = session.UnconfirmedOutbox.Where(row => row.Triggers.Intersect(result.DuplicateKeys).Any()).ToList();
            foreach (var row in resend)
            {
                LogOutboxRecovered(session.InstanceId, row.RowKey, row.Messages.Count);
                await sender.SendAsync(row.Messages);
                session.UnconfirmedOutbox.Remove(row);
                session.SentOutboxRowKeys.Add(row.RowKey);
            }

            visibleChange |= session.State is { IsPlaceholder: false };
        }

        if (visibleChange && session.State is { IsPlaceholder: false } state)
        {
            await queries.UpsertAsync(state, CancellationToken.None);
        }

        if (deferredDeletes.Count > 0)
        {
            await store.DeleteRowsAsync(session.InstanceId, deferredDeletes, CancellationToken.None);
        }
    }

    private async Task AbandonQuietlyAsync(IMessageReceipt receipt)
    {
        try
        {
            await receipt.AbandonAsync(options.StorageProvider.MessageRetryDelay);
        }
        catch (Azure.RequestFailedException)
        {
            // The lease will lapse on its own; the message comes back either way.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step of instance {InstanceId} failed; its messages will be retried")]
    private partial void LogStepFailed(string instanceId, Exception failure);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instance {InstanceId} was changed by another worker (attempt {Attempt}); reloading")]
    private partial void LogConflict(string instanceId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId}: re-sent outbox row {RowKey} ({Count} messages) after a redelivery")]
    private partial void LogOutboxRecovered(string instanceId, string rowKey, int count);

    private sealed record PendingMessage(DeliveredMessage Message, TaskCompletionSource Done);

    private sealed class Mailbox(string instanceId)
    {
        public string InstanceId { get; } = instanceId;

        public List<PendingMessage> Pending { get; } = [];

        public bool Running { get; set; }

        public bool Closed { get; set; }
    }
}
