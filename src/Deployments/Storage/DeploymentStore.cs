using Azure.Data.Tables;
using Deployments.Model;
using Deployments.Platform;
using Deployments.Refusals;
using Deployments.Telemetry;

namespace Deployments.Storage;

/// <summary>
/// A deployment and its timeline share a partition, so a status change and the event that records it
/// are one transaction. The index table (namespace, id) serves list queries. It cannot share that
/// transaction, so a new deployment is indexed before its record is written (a crash between leaves an
/// index row the recovery pass completes, never a record the list misses), and a change is indexed after
/// (a crash between leaves an unfinished index row behind its record, which the recovery pass re-indexes).
/// </summary>
public sealed class DeploymentStore(DeploymentTables tables, TimeProvider time, DeploymentMetrics metrics)
{
    private const string DeploymentRow = "deployment";

    /// <summary>Deployments are the most contended documents (every step of a rollout changes one), so they may retry longer.</summary>
    private const int UpdateAttempts = 20;

    /// <summary>
    /// Indexes, then records a new deployment with its "created" event. Creating an id that exists already
    /// (a retried request, or the recovery pass finishing the same creation) writes nothing and returns the stored one.
    /// </summary>
    public async Task<Deployment> CreateAsync(Deployment deployment, string actor, string message, CancellationToken cancellationToken)
    {
        deployment = deployment with { ModifyIndex = NextIndex(0), StatusChangedAt = deployment.CreatedAt };
        await IndexAsync(deployment, cancellationToken);
        return await RecordAsync(deployment, actor, message, cancellationToken);
    }

    /// <summary>Index rows of deployments not yet ended, in every namespace: the recovery pass's worklist (bounded by what is in flight).</summary>
    public async Task<IReadOnlyList<Deployment>> UnfinishedAsync(CancellationToken cancellationToken)
    {
        var unfinished = Enum.GetValues<DeploymentStatus>().Where(s => !s.IsTerminal())
            .Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString().ToLowerInvariant()}"));
        return await tables.DeploymentIndex.ListAsync<Deployment>(string.Join(" or ", unfinished), cancellationToken);
    }

    /// <summary>
    /// Brings an index row and its record together after a crash: a record never written is written from
    /// the index row (which holds the whole document), an index row behind its record is re-indexed.
    /// Returns the record.
    /// </summary>
    public async Task<Deployment> ReconcileAsync(Deployment indexed, CancellationToken cancellationToken)
    {
        if (await GetAsync(indexed.Id, cancellationToken) is not { } recorded)
        {
            return await RecordAsync(indexed, indexed.CreatedBy, indexed.Reason ?? "Created (recovered after a crash)", cancellationToken);
        }

        // A rollout may change the record while this re-indexes it from an older read; the index write is
        // unconditional, so read again until the row written is the record's latest, or the newer one stays hidden.
        while (recorded.ModifyIndex != indexed.ModifyIndex)
        {
            await IndexAsync(recorded, cancellationToken);
            indexed = recorded;
            recorded = await GetRequiredAsync(recorded.Id, cancellationToken);
        }

        return recorded;
    }

    /// <summary>The deployment with this id; null when there is none.</summary>
    public async Task<Deployment?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        return (await tables.Deployments.GetAsync<Deployment>(Key(id), DeploymentRow, cancellationToken))?.Document;
    }

    /// <summary>The deployment with this id; throws <see cref="NotFoundException"/> when there is none.</summary>
    public async Task<Deployment> GetRequiredAsync(Guid id, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) ?? throw new NotFoundException("deployment", id.ToString());

    /// <summary>
    /// Applies a change decided from the current document, with its timeline entry, in one guarded
    /// transaction; retries from a fresh read when another writer came first. A null decision writes nothing.
    /// </summary>
    public async Task<Deployment> UpdateAsync(Guid id, Func<Deployment, DeploymentChange?> decide, CancellationToken cancellationToken)
    {
        var (deployment, changed) = await tables.Deployments.UpdateAsync<Deployment, (Deployment, bool)>(Key(id), DeploymentRow, stored =>
        {
            var current = stored ?? throw new NotFoundException("deployment", id.ToString());
            return decide(current.Document) is { } change ? Recorded(Key(id), current, change) : RowUpdate.Unchanged((current.Document, false));
        }, UpdateAttempts, cancellationToken);
        if (changed)
        {
            await IndexAsync(deployment, cancellationToken);
        }

        return deployment;
    }

    /// <summary>The guarded replace of the deployment and the timeline entries of the change, as one transaction.</summary>
    private RowUpdate<(Deployment, bool)> Recorded(string partition, Stored<Deployment> stored, DeploymentChange change)
    {
        var now = time.GetUtcNow();
        var updated = change.Updated with
        {
            ModifyIndex = NextIndex(stored.Document.ModifyIndex),
            UpdatedAt = now,
            StatusChangedAt = change.Updated.Status == stored.Document.Status ? stored.Document.StatusChangedAt : now,
        };
        var actions = new List<TableTransactionAction> { DocumentTable.Replacing(partition, DeploymentRow, updated, stored.ETag) };
        var sequence = 0;
        foreach (var (actor, kind, message) in change.Events)
        {
            var entry = Event(updated, actor, kind, message, stored.Document.Status, updated.Status) with { Sequence = (updated.ModifyIndex * 100) + sequence++ };
            actions.Add(DocumentTable.Adding(partition, EventRow(entry), entry));
        }

        return new((updated, true), actions);
    }

    /// <summary>The deployment's events, in the order they were recorded.</summary>
    public async Task<IReadOnlyList<DeploymentEvent>> EventsAsync(Guid id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Key(id)} and RowKey ge {"event-"} and RowKey lt {"event."}");
        return await tables.Deployments.ListAsync<DeploymentEvent>(filter, cancellationToken);
    }

    /// <summary>
    /// One page of the list. With a label selector, table pages are read (each asking only for as many rows as the
    /// page still has room for, so a continuation never skips a row) until the page is full, the rows run out, or
    /// <see cref="MaxPagesScannedForLabels"/> pages were read; a short page with a next token then means "keep reading".
    /// </summary>
    public async Task<(IReadOnlyList<Deployment> Deployments, string? ContinuationToken)> QueryAsync(DeploymentQuery query, CancellationToken cancellationToken)
    {
        var filter = query.ToFilter();
        if (query.Labels is not { } selector)
        {
            var (items, next) = await tables.DeploymentIndex.QueryPageAsync<Deployment>(filter, query.PageSize, query.ContinuationToken, cancellationToken);
            return ([.. items.Select(i => i.Document)], next);
        }

        var found = new List<Deployment>();
        var token = query.ContinuationToken;
        var scanned = 0;
        do
        {
            var (items, next) = await tables.DeploymentIndex.QueryPageAsync<Deployment>(filter, query.PageSize - found.Count, token, cancellationToken);
            found.AddRange(items.Select(i => i.Document).Where(d => selector.Matches(d.Metadata.Labels)));
            token = next;
        }
        while (token is not null && found.Count < query.PageSize && ++scanned < MaxPagesScannedForLabels);

        return (found, token);
    }

    /// <summary>Bounds the storage reads of one listing with a label selector that few deployments match.</summary>
    public const int MaxPagesScannedForLabels = 20;

    /// <summary>Every deployment of an app, newest first (index scan of the app's namespace).</summary>
    public async Task<IReadOnlyList<Deployment>> ForAppAsync(string @namespace, Guid appId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {@namespace} and AppId eq {appId}");
        var found = await tables.DeploymentIndex.ListAsync<Deployment>(filter, cancellationToken);
        return [.. found.OrderByDescending(d => d.CreatedAt)];
    }

    private async Task<Deployment> RecordAsync(Deployment deployment, string actor, string message, CancellationToken cancellationToken)
    {
        var created = Event(deployment, actor, "created", message, null, deployment.Status);
        try
        {
            await tables.Deployments.SubmitAsync(
            [
                new(TableTransactionActionType.Add, DocumentTable.ToEntity(Key(deployment.Id), DeploymentRow, deployment)),
                new(TableTransactionActionType.Add, DocumentTable.ToEntity(Key(deployment.Id), EventRow(created), created)),
            ], cancellationToken);
            // Counted here, where the insert-if-not-exists succeeded, and so once per deployment: a retried request
            // or the recovery pass finishing the same creation conflicts below instead.
            metrics.Started(deployment);
            return deployment;
        }
        catch (DocumentConflictException)
        {
            return await GetAsync(deployment.Id, cancellationToken) ?? throw new InvalidOperationException($"Deployment {deployment.Id} conflicted on creation but does not exist.");
        }
    }

    internal async Task IndexAsync(Deployment deployment, CancellationToken cancellationToken) =>
        await tables.DeploymentIndex.UpsertAsync(deployment.Namespace, Key(deployment.Id), deployment, cancellationToken, new Dictionary<string, object?>
        {
            ["AppId"] = deployment.AppId,
            ["Status"] = deployment.Status.ToString().ToLowerInvariant(),
            ["CreatedAt"] = deployment.CreatedAt,
            ["ModifyIndex"] = deployment.ModifyIndex,
        });

    /// <summary>Milliseconds since the epoch, but always past the previous value: monotonic and comparable across deployments.</summary>
    private long NextIndex(long previous) => ModifyIndexes.Next(previous, time);

    private DeploymentEvent Event(Deployment deployment, string actor, string kind, string message, DeploymentStatus? from, DeploymentStatus? to) =>
        new(deployment.Id, deployment.ModifyIndex * 100, time.GetUtcNow(), actor, kind, message, from, to);

    private static string EventRow(DeploymentEvent entry) => $"event-{entry.Sequence:D20}";

    internal static string Key(Guid id) => id.ToString("N");
}

/// <summary>A decided change: the new document and the timeline entries (actor, kind, message) that explain it.</summary>
public sealed record DeploymentChange(Deployment Updated, IReadOnlyList<(string Actor, string Kind, string Message)> Events)
{
    /// <summary>
    /// The change a step with a fixed id makes, at most once: none when the record shows the step already made it
    /// (an activity run again), else <paramref name="change"/> with the step remembered and its one timeline entry.
    /// </summary>
    public static DeploymentChange? Once(Deployment current, Guid stepId, Func<Deployment, Deployment> change, (string Actor, string Kind, string Message) entry) =>
        current.HasApplied(stepId) ? null : new DeploymentChange(change(current.Applying(stepId)), [entry]);
}
