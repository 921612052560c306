using Azure;
using Azure.Data.Tables;

namespace Durable.Storage;

/// <summary>
/// The instances table: one row per instance for cross-instance queries. It is written only when
/// something a query can see changes, so ordinary steps cost it nothing.
/// </summary>
internal sealed class InstanceQueryStore(TaskHubStorage storage, InstanceStore instances)
{
    private const string RowKey = "instance";

    public async Task UpsertAsync(InstanceState state, CancellationToken cancellationToken)
    {
        var entity = await instances.ToEntityAsync(state);
        entity.RowKey = RowKey;
        await storage.Instances.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task DeleteAsync(string instanceId, CancellationToken cancellationToken) =>
        await storage.Instances.DeleteEntityAsync(instanceId, RowKey, ETag.All, cancellationToken);

    public async Task<(IReadOnlyList<InstanceState> Instances, string? ContinuationToken)> QueryAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000);
        var pages = storage.Instances
            .QueryAsync<TableEntity>(Filter(query), query.PageSize, cancellationToken: cancellationToken)
            .AsPages(query.ContinuationToken, query.PageSize);
        await foreach (var page in pages)
        {
            var states = new List<InstanceState>(page.Values.Count);
            foreach (var entity in page.Values)
            {
                states.Add(await instances.ReadStateAsync(entity));
            }

            return (states, page.ContinuationToken);
        }

        return ([], null);
    }

    public async IAsyncEnumerable<InstanceState> ScanAsync(OrchestrationQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in storage.Instances.QueryAsync<TableEntity>(Filter(query), cancellationToken: cancellationToken))
        {
            yield return await instances.ReadStateAsync(entity);
        }
    }

    internal static string? Filter(OrchestrationQuery query)
    {
        var clauses = new List<string>();
        if (query.Statuses is { Count: > 0 } statuses)
        {
            clauses.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")");
        }

        if (query.Name is { } name)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Name eq {name}"));
        }

        if (query.InstanceIdPrefix is { Length: > 0 } prefix)
        {
            var upper = prefix[..^1] + (char)(prefix[^1] + 1);
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {upper}"));
        }

        if (query.CreatedFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }

        if (query.CreatedTo is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt lt {to}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }
}
