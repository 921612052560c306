using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace Deployments.Platform;

/// <summary>
/// One of the app's tables. Every operation first awaits the table's creation, which its
/// <see cref="StorageTableSet"/> does once per process, so no caller has to remember to create it, and after
/// the first success that costs no request. Conflicts surface as the SDK's <see cref="RequestFailedException"/>;
/// <see cref="UpdateAsync{TResult}"/> retries the lost races of a read-modify-write.
/// </summary>
public sealed partial class StorageTable
{
    private readonly TableClient client;
    private readonly CreatedOnce created;

    internal StorageTable(TableClient client, CreatedOnce created)
    {
        this.client = client;
        this.created = created;
    }

    /// <summary>The row, with its ETag; null when there is none.</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Inserts the row; fails with status 409 when its key exists.</summary>
    public async Task<ETag> AddAsync(ITableEntity entity, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken);
        return (await client.AddEntityAsync(entity, cancellationToken)).Headers.ETag ?? default;
    }

    /// <summary>Replaces the row if it still has the ETag <paramref name="expected"/>; fails with 412 (or 404) otherwise.</summary>
    public async Task<ETag> ReplaceAsync(ITableEntity entity, ETag expected, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken);
        return (await client.UpdateEntityAsync(entity, expected, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? default;
    }

    /// <summary>Merges the entity's properties into the row if it still has the ETag <paramref name="expected"/>.</summary>
    public async Task<ETag> MergeAsync(ITableEntity entity, ETag expected, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken);
        return (await client.UpdateEntityAsync(entity, expected, TableUpdateMode.Merge, cancellationToken)).Headers.ETag ?? default;
    }

    /// <summary>Writes the row whether or not it exists, replacing what was there.</summary>
    public async Task UpsertAsync(ITableEntity entity, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken);
        await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Deletes the row if it has the ETag <paramref name="expected"/> (<see cref="ETag.All"/>: whatever it has).</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, ETag expected, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken);
        await client.DeleteEntityAsync(partitionKey, rowKey, expected, cancellationToken);
    }

    /// <summary>Every row the filter matches (null: all), with only the <paramref name="select"/>ed properties when given.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(string? filter, IEnumerable<string>? select, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken);
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
        {
            yield return entity;
        }
    }

    /// <summary>One page of at most <paramref name="pageSize"/> rows from <paramref name="continuationToken"/> on, and the token of the next.</summary>
    public async Task<(IReadOnlyList<TableEntity> Rows, string? ContinuationToken)> QueryPageAsync(string? filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken);
        await foreach (var page in client.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize))
        {
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Several writes to one partition as one entity-group transaction: all or none.</summary>
    public async Task<IReadOnlyList<ETag>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken);
        var response = await client.SubmitTransactionAsync(actions, cancellationToken);
        return [.. response.Value.Select(r => r.Headers.ETag ?? default)];
    }
}
