using Durable.Messaging;
using Durable.Storage;
using Durable.Worker;

namespace Durable;

/// <summary>Starts, signals, inspects and purges orchestration instances; named as Durable Functions' client.</summary>
public sealed class DurableTaskClient
{
    private static readonly TimeSpan MaxWaitPollInterval = TimeSpan.FromSeconds(1);
    private const int MaxStartAttempts = 8;
    private readonly TaskHubStorage storage;
    private readonly InstanceStore store;
    private readonly InstanceQueryStore queries;
    private readonly MessageSender sender;
    private readonly PayloadStore payloads;
    private readonly TimeProvider time;

    internal DurableTaskClient(TaskHubStorage storage, InstanceStore store, InstanceQueryStore queries, MessageSender sender, PayloadStore payloads, TimeProvider time)
    {
        this.storage = storage;
        this.store = store;
        this.queries = queries;
        this.sender = sender;
        this.payloads = payloads;
        this.time = time;
    }

    public string HubName => storage.Names.HubName;

    /// <summary>
    /// Creates the instance (an insert of its state row, so a start is all or nothing) and sends its start
    /// message. Refused with <see cref="OrchestrationAlreadyExistsException"/> while an instance with the id is active.
    /// </summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(instanceId);
        await storage.EnsureCreatedAsync();
        var now = time.GetUtcNow();
        var executionId = Guid.NewGuid().ToString("N");
        var visibleAt = options?.StartAt is { } startAt && startAt > now ? startAt : (DateTimeOffset?)null;
        for (var attempt = 1; ; attempt++)
        {
            var existing = await store.ReadStateAsync(instanceId, cancellationToken);
            if (existing is { State: { IsPlaceholder: false } active } && !active.Status.IsTerminal())
            {
                throw new OrchestrationAlreadyExistsException(instanceId, active.Status);
            }

            var state = new InstanceState(instanceId, orchestratorName, executionId, OrchestrationRuntimeStatus.Pending, now, now)
            {
                Input = DurableJson.Serialize(input),
                OutboxSequence = existing?.State.OutboxSequence ?? 0,
                ScheduledStartAt = visibleAt,
            };

            // Listed first: if this process dies before sending the start, recovery finds the instance by this row.
            await queries.UpsertAsync(state, cancellationToken);
            var created = existing is { } prior
                ? await store.TryReplaceStateAsync(state, prior.ETag, cancellationToken)
                : await store.TryInsertStateAsync(state, cancellationToken);
            if (created)
            {
                var start = new ExecutionStarted(orchestratorName, executionId, state.Input) { Timestamp = now.UtcDateTime };
                await SendAsync(instanceId, executionId, start, visibleAt?.UtcDateTime, cancellationToken);
                return instanceId;
            }

            // Losing the write is no refusal by itself: a worker storing an event raised just before this
            // start writes the placeholder row in between. Read again; only an active instance refuses.
            if (attempt == MaxStartAttempts)
            {
                var winner = await store.ReadStateAsync(instanceId, cancellationToken);
                throw new OrchestrationAlreadyExistsException(instanceId, winner?.State.Status ?? OrchestrationRuntimeStatus.Pending);
            }
        }
    }

    /// <summary>Raises an event; if the instance has not started yet the event is kept until it does.</summary>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        await storage.EnsureCreatedAsync();
        var now = time.GetUtcNow().UtcDateTime;
        await SendAsync(instanceId, null, new EventRaised(eventName, DurableJson.Serialize(eventPayload), Guid.NewGuid().ToString("N")) { Timestamp = now }, null, cancellationToken);
    }

    public Task TerminateInstanceAsync(string instanceId, object? reason = null, CancellationToken cancellationToken = default) =>
        SendToExistingAsync(instanceId, new ExecutionTerminated(reason?.ToString()), cancellationToken);

    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendToExistingAsync(instanceId, new ExecutionSuspended(reason), cancellationToken);

    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendToExistingAsync(instanceId, new ExecutionResumed(reason), cancellationToken);

    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        await storage.EnsureCreatedAsync();
        var found = await store.ReadStateAsync(instanceId, cancellationToken);
        return found is { State: { IsPlaceholder: false } state } ? ToMetadata(state, getInputsAndOutputs) : null;
    }

    public async Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var (states, token) = await queries.QueryAsync(query, cancellationToken);
        return new OrchestrationQueryPage([.. states.Select(s => ToMetadata(s, query.FetchInputsAndOutputs))], token);
    }

    /// <summary>The current execution's events in order: the instance's audit trail.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        await storage.EnsureCreatedAsync();
        var snapshot = await store.LoadAsync(instanceId, cancellationToken);
        return snapshot.State is null or { IsPlaceholder: true } ? throw new OrchestrationNotFoundException(instanceId) : snapshot.History;
    }

    /// <summary>Deletes everything stored for a completed, failed or terminated instance.</summary>
    public async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        await storage.EnsureCreatedAsync();
        var found = await store.ReadStateAsync(instanceId, cancellationToken);
        if (found is not { } existing)
        {
            return new PurgeResult(0);
        }

        if (!existing.State.IsPlaceholder && !existing.State.Status.IsTerminal())
        {
            throw new InvalidOperationException($"Instance '{instanceId}' is {existing.State.Status}; only completed, failed or terminated instances can be purged.");
        }

        await store.DeletePartitionAsync(instanceId, cancellationToken);
        await queries.DeleteAsync(instanceId, cancellationToken);
        await payloads.DeleteInstanceAsync(instanceId);
        return new PurgeResult(1);
    }

    public async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var statuses = filter.Statuses is { Count: > 0 } chosen
            ? chosen.Where(s => s.IsTerminal()).ToList()
            : [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];
        if (statuses.Count == 0)
        {
            // Only non-terminal statuses were asked for; an empty status list would mean "any status" to the query.
            return new PurgeResult(0);
        }

        var query = new OrchestrationQuery { Statuses = statuses, CreatedFrom = filter.CreatedFrom, CreatedTo = filter.CreatedTo };
        var purged = 0;
        var candidates = new List<string>();
        await foreach (var state in queries.ScanAsync(query, cancellationToken))
        {
            candidates.Add(state.InstanceId);
        }

        foreach (var instanceId in candidates)
        {
            purged += (await PurgeInstanceAsync(instanceId, cancellationToken)).PurgedInstanceCount;
        }

        return new PurgeResult(purged);
    }

    public Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellationToken);

    public Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellationToken);

    private async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            if (await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken) is { } metadata && done(metadata))
            {
                return metadata;
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxWaitPollInterval.Ticks));
        }
    }

    private async Task SendToExistingAsync(string instanceId, HistoryEvent command, CancellationToken cancellationToken)
    {
        InstanceIds.Validate(instanceId);
        await storage.EnsureCreatedAsync();
        if (await store.ReadStateAsync(instanceId, cancellationToken) is not { State.IsPlaceholder: false })
        {
            throw new OrchestrationNotFoundException(instanceId);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await SendAsync(instanceId, null, command with { Timestamp = now }, null, cancellationToken);
    }

    private Task SendAsync(string instanceId, string? executionId, HistoryEvent historyEvent, DateTime? visibleAt, CancellationToken cancellationToken)
    {
        var message = TaskMessage.Create(instanceId, executionId, historyEvent, time.GetUtcNow().UtcDateTime);
        return sender.SendAsync([new OutboundMessage(MessageTarget.Control, message, visibleAt)], cancellationToken);
    }

    private static OrchestrationMetadata ToMetadata(InstanceState state, bool withPayloads)
    {
        var metadata = state.ToMetadata();
        return withPayloads ? metadata : metadata with { SerializedInput = null, SerializedOutput = null };
    }
}
