using Azure;
using Azure.Data.Tables;
using Durable.Messaging;

namespace Durable.Storage;

/// <summary>
/// Reads and writes one instance's partition of the history table: the state row, one history row per
/// episode, outbox rows and inbox rows. Every write that changes the state row is one entity-group
/// transaction guarded by the state row's ETag.
/// </summary>
internal sealed class InstanceStore(TaskHubStorage storage, PayloadStore payloads)
{
    public const string StateRowKey = "state";
    private const int MaxBatchOperations = 100;

    public static string HistoryRowKey(string executionId, int sequence) => $"h-{executionId}-{sequence:D8}";

    public static string OutboxRowKey(int sequence) => $"o-{sequence:D8}";

    public static string InboxRowKey(TaskMessage message) => $"i-{message.Id}";

    public async Task<InstanceSnapshot> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        TableEntity? stateEntity = null;
        var historyRows = new List<TableEntity>();
        var outbox = new List<OutboxRow>();
        var inbox = new List<InboxRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in storage.History.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            switch (row.RowKey[0])
            {
                case 's':
                    stateEntity = row;
                    break;
                case 'h':
                    historyRows.Add(row);
                    break;
                case 'o':
                    outbox.Add(await ReadOutboxAsync(row));
                    break;
                case 'i':
                    inbox.Add(new InboxRow(row.RowKey, DurableJson.Deserialize<TaskMessage>(await ChunkedText.ReadAsync(row, payloads))!));
                    break;
            }
        }

        var state = stateEntity is null ? null : await ReadStateAsync(stateEntity);
        var currentPrefix = state is null ? null : $"h-{state.ExecutionId}-";
        var history = new List<HistoryEvent>();
        var otherExecutions = new List<string>();
        foreach (var row in historyRows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            if (currentPrefix is not null && row.RowKey.StartsWith(currentPrefix, StringComparison.Ordinal))
            {
                history.AddRange(DurableJson.Deserialize<List<HistoryEvent>>(await ChunkedText.ReadAsync(row, payloads))!);
            }
            else
            {
                otherExecutions.Add(row.RowKey);
            }
        }

        return new InstanceSnapshot(state, stateEntity?.ETag ?? default, history, outbox, inbox, otherExecutions);
    }

    /// <summary>Commits a checkpoint; returns the new ETag and any clean-up that did not fit the transaction.</summary>
    public async Task<(ETag ETag, IReadOnlyList<string> DeferredDeletes)> CommitAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var state = checkpoint.State;
        var actions = new List<TableTransactionAction>
        {
            checkpoint.ExpectedETag is { } expected
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, await ToEntityAsync(state), expected)
                : new TableTransactionAction(TableTransactionActionType.Add, await ToEntityAsync(state)),
        };

        if (checkpoint.NewEvents.Count > 0)
        {
            var row = new TableEntity(state.InstanceId, HistoryRowKey(state.ExecutionId, state.HistorySequence - 1));
            await ChunkedText.WriteAsync(row, DurableJson.Serialize(checkpoint.NewEvents)!, payloads, state.InstanceId, "history");
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }

        if (checkpoint.Outbox is { } outbox)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, await ToEntityAsync(state.InstanceId, outbox)));
        }

        foreach (var inboxRow in checkpoint.NewInbox)
        {
            var row = new TableEntity(state.InstanceId, inboxRow.RowKey);
            await ChunkedText.WriteAsync(row, DurableJson.Serialize(inboxRow.Message)!, payloads, state.InstanceId, "inbox");
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
        }

        var room = MaxBatchOperations - actions.Count;
        actions.AddRange(checkpoint.DeleteRowKeys.Take(room).Select(key =>
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(state.InstanceId, key), ETag.All)));

        try
        {
            var response = await storage.History.SubmitTransactionAsync(actions, cancellationToken);
            var etag = response.Value[0].Headers.ETag ?? throw new InvalidOperationException("The storage service returned no ETag for the state row.");
            return (etag, checkpoint.DeleteRowKeys.Skip(room).ToList());
        }
        catch (TableTransactionFailedException failure) when (failure.Status is 409 or 412)
        {
            throw new InstanceConflictException(state.InstanceId, failure);
        }
        catch (TableTransactionFailedException failure) when (failure.Status == 404 && failure.FailedTransactionActionIndex > 0)
        {
            // A delete of a row another worker already removed: the state row is then stale too.
            throw new InstanceConflictException(state.InstanceId, failure);
        }
    }

    /// <summary>Best-effort removal of rows that no longer matter (old executions, sent outboxes).</summary>
    public async Task DeleteRowsAsync(string instanceId, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var batch in rowKeys.Chunk(MaxBatchOperations))
        {
            try
            {
                await storage.History.SubmitTransactionAsync(
                    batch.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, key), ETag.All)),
                    cancellationToken);
            }
            catch (TableTransactionFailedException gone) when (gone.Status == 404)
            {
                // Another worker removed some of them first; the whole batch was refused, so go one by one.
                foreach (var key in batch)
                {
                    await storage.History.DeleteEntityAsync(instanceId, key, ETag.All, cancellationToken);
                }
            }
        }
    }

    public async Task<(InstanceState State, ETag ETag)?> ReadStateAsync(string instanceId, CancellationToken cancellationToken)
    {
        var response = await storage.History.GetEntityIfExistsAsync<TableEntity>(instanceId, StateRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? (await ReadStateAsync(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>Inserts a state row if none exists; false when one already does.</summary>
    public async Task<bool> TryInsertStateAsync(InstanceState state, CancellationToken cancellationToken)
    {
        try
        {
            await storage.History.AddEntityAsync(await ToEntityAsync(state), cancellationToken);
            return true;
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the state row only if it is unchanged since read; false when another writer came first.</summary>
    public async Task<bool> TryReplaceStateAsync(InstanceState state, ETag expected, CancellationToken cancellationToken)
    {
        try
        {
            await storage.History.UpdateEntityAsync(await ToEntityAsync(state), expected, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException conflict) when (conflict.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task DeletePartitionAsync(string instanceId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        var keys = new List<string>();
        await foreach (var row in storage.History.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        foreach (var batch in keys.Chunk(MaxBatchOperations))
        {
            await storage.History.SubmitTransactionAsync(
                batch.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, key), ETag.All)),
                cancellationToken);
        }
    }

    public async Task<TableEntity> ToEntityAsync(InstanceState state)
    {
        var id = state.InstanceId;
        var entity = new TableEntity(id, StateRowKey)
        {
            ["Name"] = state.Name,
            ["ExecutionId"] = state.ExecutionId,
            ["Status"] = state.Status.ToString(),
            ["CreatedAt"] = state.CreatedAt,
            ["LastUpdatedAt"] = state.LastUpdatedAt,
            ["Input"] = await payloads.ToPropertyAsync(id, "input", state.Input),
            ["Output"] = await payloads.ToPropertyAsync(id, "output", state.Output),
            ["CustomStatus"] = await payloads.ToPropertyAsync(id, "status", state.CustomStatus),
            ["Failure"] = await payloads.ToPropertyAsync(id, "failure", DurableJson.Serialize(state.Failure)),
            ["ParentInstanceId"] = state.ParentInstanceId,
            ["ScheduledStartAt"] = state.ScheduledStartAt,
            ["HistorySequence"] = state.HistorySequence,
            ["OutboxSequence"] = state.OutboxSequence,
            ["EventCount"] = state.EventCount,
        };
        return entity;
    }

    public async Task<InstanceState> ReadStateAsync(TableEntity entity) =>
        new(entity.PartitionKey,
            entity.GetString("Name") ?? "",
            entity.GetString("ExecutionId") ?? "",
            Enum.Parse<OrchestrationRuntimeStatus>(entity.GetString("Status") ?? nameof(OrchestrationRuntimeStatus.Pending)),
            entity.GetDateTimeOffset("CreatedAt") ?? default,
            entity.GetDateTimeOffset("LastUpdatedAt") ?? default)
        {
            Input = await payloads.FromPropertyAsync(entity.GetString("Input")),
            Output = await payloads.FromPropertyAsync(entity.GetString("Output")),
            CustomStatus = await payloads.FromPropertyAsync(entity.GetString("CustomStatus")),
            Failure = DurableJson.Deserialize<TaskFailureDetails>(await payloads.FromPropertyAsync(entity.GetString("Failure"))),
            ParentInstanceId = entity.GetString("ParentInstanceId"),
            ScheduledStartAt = entity.GetDateTimeOffset("ScheduledStartAt"),
            HistorySequence = entity.GetInt32("HistorySequence") ?? 0,
            OutboxSequence = entity.GetInt32("OutboxSequence") ?? 0,
            EventCount = entity.GetInt32("EventCount") ?? 0,
        };

    private async Task<TableEntity> ToEntityAsync(string instanceId, OutboxRow outbox)
    {
        var row = new TableEntity(instanceId, outbox.RowKey)
        {
            ["Triggers"] = string.Join('\n', outbox.Triggers),
            ["CreatedAt"] = outbox.CreatedAt,
        };
        await ChunkedText.WriteAsync(row, DurableJson.Serialize(outbox.Messages)!, payloads, instanceId, "outbox");
        return row;
    }

    private async Task<OutboxRow> ReadOutboxAsync(TableEntity row) => new(
        row.RowKey,
        DurableJson.Deserialize<List<OutboundMessage>>(await ChunkedText.ReadAsync(row, payloads))!,
        (row.GetString("Triggers") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
        row.GetDateTimeOffset("CreatedAt") ?? default);
}
