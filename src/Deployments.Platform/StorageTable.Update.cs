using Azure;
using Azure.Data.Tables;

namespace Deployments.Platform;

/// <summary>The one optimistic read-modify-write of the app's tables.</summary>
public sealed partial class StorageTable
{
    /// <summary>
    /// Reads the row (null when absent), lets <paramref name="decide"/> choose the writes from it, and makes them
    /// guarded by the ETags the writes carry (an insert guards by failing on an existing key). When another writer
    /// came first, reads again and decides afresh, up to <paramref name="attempts"/> times in all; the last lost
    /// race is thrown. A decision without writes writes nothing: its result is returned at once.
    /// </summary>
    public async Task<TResult> UpdateAsync<TResult>(string partitionKey, string rowKey, Func<TableEntity?, RowUpdate<TResult>> decide, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var update = decide(await GetAsync(partitionKey, rowKey, cancellationToken));
            if (update.Writes.Count == 0)
            {
                return update.Result;
            }

            try
            {
                await WriteAsync(update.Writes, cancellationToken);
                return update.Result;
            }
            catch (RequestFailedException lost) when (IsLostRace(lost) && attempt < attempts)
            {
            }
        }
    }

    /// <summary>
    /// Whether a guarded write failed because another writer came first: the key was taken (409), the ETag
    /// changed (412), or the row went away (404), for a single write and a transaction alike.
    /// </summary>
    public static bool IsLostRace(RequestFailedException failure) => failure.Status is 409 or 412 or 404;

    /// <summary>One write as its own request (as cheap as a transaction, and its failure is the plain status); several as a transaction.</summary>
    private async Task WriteAsync(IReadOnlyList<TableTransactionAction> writes, CancellationToken cancellationToken)
    {
        if (writes.Count > 1)
        {
            await SubmitAsync(writes, cancellationToken);
            return;
        }

        var write = writes[0];
        switch (write.ActionType)
        {
            case TableTransactionActionType.Add:
                await AddAsync(write.Entity, cancellationToken);
                break;
            case TableTransactionActionType.UpdateReplace:
                await ReplaceAsync(write.Entity, write.ETag, cancellationToken);
                break;
            case TableTransactionActionType.UpdateMerge:
                await MergeAsync(write.Entity, write.ETag, cancellationToken);
                break;
            case TableTransactionActionType.Delete:
                await DeleteAsync(write.Entity.PartitionKey, write.Entity.RowKey, write.ETag, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"{write.ActionType} is not a guarded write.");
        }
    }
}
