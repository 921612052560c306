using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Deployments.Platform;
using Deployments.Serialization;
using Deployments.Refusals;
using Deployments.Rules;

namespace Deployments.Storage;

/// <summary>
/// A table of JSON documents with a few plain columns beside them for server-side filters. Writes are
/// guarded: inserts fail on an existing key, replaces on a changed ETag, so concurrent writers never
/// silently overwrite each other. Every document read or written passes the caller's namespace scope
/// (<see cref="CallerScope"/>): one named by its key or written is refused outside it, and a query
/// leaves out what lies outside it.
/// </summary>
internal sealed partial class DocumentTable(StorageTable table)
{
    private const int MaxPropertyChars = 30_000;
    private const int MaxChunks = 12;

    public async Task<Stored<T>?> GetAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        await table.GetAsync(partitionKey, rowKey, cancellationToken) is { } entity ? ReadInScope<T>(entity) : null;

    public async Task<ETag> InsertAsync<T>(string partitionKey, string rowKey, T document, CancellationToken cancellationToken, IReadOnlyDictionary<string, object?>? columns = null)
    {
        try
        {
            return await table.AddAsync(ToEntity(partitionKey, rowKey, document, columns), cancellationToken);
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            throw new DocumentConflictException($"{partitionKey}/{rowKey} already exists.", conflict);
        }
    }

    public async Task<ETag> ReplaceAsync<T>(string partitionKey, string rowKey, T document, ETag expected, CancellationToken cancellationToken, IReadOnlyDictionary<string, object?>? columns = null)
    {
        try
        {
            return await table.ReplaceAsync(ToEntity(partitionKey, rowKey, document, columns), expected, cancellationToken);
        }
        catch (RequestFailedException conflict) when (conflict.Status is 412 or 404)
        {
            throw Changed(partitionKey, rowKey, conflict);
        }
    }

    public async Task UpsertAsync<T>(string partitionKey, string rowKey, T document, CancellationToken cancellationToken, IReadOnlyDictionary<string, object?>? columns = null) =>
        await table.UpsertAsync(ToEntity(partitionKey, rowKey, document, columns), cancellationToken);

    public async Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        await table.DeleteAsync(partitionKey, rowKey, ETag.All, cancellationToken);

    public async IAsyncEnumerable<Stored<T>> QueryAsync<T>(string? filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync(filter, null, cancellationToken))
        {
            if (Read<T>(entity) is var stored && CallerScope.Admits(stored.Document))
            {
                yield return stored;
            }
        }
    }

    /// <summary>Every document the filter matches, read into a list.</summary>
    public async Task<List<T>> ListAsync<T>(string? filter, CancellationToken cancellationToken)
    {
        var found = new List<T>();
        await foreach (var stored in QueryAsync<T>(filter, cancellationToken))
        {
            found.Add(stored.Document);
        }

        return found;
    }

    public async Task<(IReadOnlyList<Stored<T>> Items, string? ContinuationToken)> QueryPageAsync<T>(string? filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var (rows, next) = await table.QueryPageAsync(filter, pageSize, continuationToken, cancellationToken);
        return ([.. rows.Select(Read<T>).Where(stored => CallerScope.Admits(stored.Document))], next);
    }

    /// <summary>Several writes to one partition as one entity-group transaction: all or none.</summary>
    public async Task<IReadOnlyList<ETag>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            return await table.SubmitAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException conflict) when (StorageTable.IsLostRace(conflict))
        {
            throw TransactionConflict(conflict);
        }
    }

    public static TableEntity ToEntity<T>(string partitionKey, string rowKey, T document, IReadOnlyDictionary<string, object?>? columns = null)
    {
        CallerScope.Demand(document);
        var entity = new TableEntity(partitionKey, rowKey);
        var json = JsonSerializer.Serialize(document, SnakeCaseJson.Options);
        if (json.Length > MaxPropertyChars * MaxChunks)
        {
            throw new DocumentTooLargeException(json.Length, MaxPropertyChars * MaxChunks);
        }

        for (int offset = 0, chunk = 0; offset < json.Length; offset += MaxPropertyChars, chunk++)
        {
            entity[$"Doc{chunk}"] = json.Substring(offset, Math.Min(MaxPropertyChars, json.Length - offset));
        }

        foreach (var (name, value) in columns ?? new Dictionary<string, object?>())
        {
            entity[name] = value;
        }

        return entity;
    }

    /// <summary>A document named by its key: refused when it lies outside the caller's scope.</summary>
    private static Stored<T> ReadInScope<T>(TableEntity entity)
    {
        var stored = Read<T>(entity);
        CallerScope.Demand(stored.Document);
        return stored;
    }

    private static DocumentConflictException Changed(string partitionKey, string rowKey, RequestFailedException conflict) =>
        new($"{partitionKey}/{rowKey} was changed by someone else.", conflict);

    private static DocumentConflictException TransactionConflict(RequestFailedException conflict) =>
        new("A concurrent change was detected; nothing was written.", conflict);

    private static Stored<T> Read<T>(TableEntity entity)
    {
        var json = new StringBuilder();
        for (var chunk = 0; entity.GetString($"Doc{chunk}") is { } part; chunk++)
        {
            json.Append(part);
        }

        var document = JsonSerializer.Deserialize<T>(json.ToString(), SnakeCaseJson.Options)
            ?? throw new InvalidDataException($"{entity.PartitionKey}/{entity.RowKey} holds no document.");
        return new Stored<T>(document, entity.ETag);
    }
}

/// <summary>A document as read, with the ETag to guard the next write.</summary>
internal sealed record Stored<T>(T Document, ETag ETag);
