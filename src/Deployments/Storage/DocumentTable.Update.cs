using Azure;
using Azure.Data.Tables;
using Deployments.Platform;
using Deployments.Refusals;

namespace Deployments.Storage;

/// <summary>Guarded read-modify-writes of documents, on <see cref="StorageTable.UpdateAsync{TResult}"/>.</summary>
internal sealed partial class DocumentTable
{
    /// <summary>How often a change is decided afresh after losing a race, unless a store says otherwise.</summary>
    public const int DefaultAttempts = 10;

    /// <summary>
    /// Reads the document (in the caller's scope; null when absent), lets <paramref name="decide"/> choose the
    /// writes, makes them guarded, and decides afresh from a new read when another writer came first, up to
    /// <paramref name="attempts"/> times; the last lost race is a <see cref="DocumentConflictException"/>.
    /// </summary>
    public async Task<TResult> UpdateAsync<T, TResult>(string partitionKey, string rowKey, Func<Stored<T>?, RowUpdate<TResult>> decide, int attempts, CancellationToken cancellationToken)
    {
        try
        {
            return await table.UpdateAsync(partitionKey, rowKey, entity => decide(entity is null ? null : ReadInScope<T>(entity)), attempts, cancellationToken);
        }
        catch (RequestFailedException lost) when (StorageTable.IsLostRace(lost))
        {
            throw lost is TableTransactionFailedException ? TransactionConflict(lost) : Changed(partitionKey, rowKey, lost);
        }
    }

    /// <summary>
    /// Replaces the document with <paramref name="change"/> of it (with the plain <paramref name="columns"/> of the
    /// new one), retried from a fresh read when a concurrent change came first; <paramref name="missing"/> when absent.
    /// </summary>
    public Task<T> UpdateAsync<T>(string partitionKey, string rowKey, Func<T, T> change, Func<Exception> missing, CancellationToken cancellationToken, Func<T, IReadOnlyDictionary<string, object?>>? columns = null) =>
        UpdateAsync<T, T>(partitionKey, rowKey, stored =>
        {
            var current = stored ?? throw missing();
            var updated = change(current.Document);
            return RowUpdate.Write(updated, Replacing(partitionKey, rowKey, updated, current.ETag, columns?.Invoke(updated)));
        }, DefaultAttempts, cancellationToken);

    /// <summary>A transaction's replace of the document that still has the ETag <paramref name="expected"/>.</summary>
    public static TableTransactionAction Replacing<T>(string partitionKey, string rowKey, T document, ETag expected, IReadOnlyDictionary<string, object?>? columns = null) =>
        new(TableTransactionActionType.UpdateReplace, ToEntity(partitionKey, rowKey, document, columns), expected);

    /// <summary>A transaction's insert of a new document, which fails on an existing key.</summary>
    public static TableTransactionAction Adding<T>(string partitionKey, string rowKey, T document, IReadOnlyDictionary<string, object?>? columns = null) =>
        new(TableTransactionActionType.Add, ToEntity(partitionKey, rowKey, document, columns));
}
