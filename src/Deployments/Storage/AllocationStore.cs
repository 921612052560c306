using Azure.Data.Tables;
using Deployments.Model;

namespace Deployments.Storage;

/// <summary>Allocations in one partition per app: "what runs for this app" is a single partition read.</summary>
public sealed class AllocationStore(DeploymentTables tables, TimeProvider time)
{
    /// <summary>Writes the allocation as given, raising its modify index.</summary>
    public async Task UpsertAsync(Allocation allocation, CancellationToken cancellationToken)
    {
        allocation = allocation with { ModifyIndex = ModifyIndexes.Next(allocation.ModifyIndex, time) };
        await tables.Allocations.UpsertAsync(Key(allocation.AppId), Key(allocation.Id), allocation, cancellationToken, new Dictionary<string, object?>
        {
            ["DeploymentId"] = allocation.DeploymentId,
            ["Revision"] = allocation.Revision,
            ["DesiredStatus"] = allocation.DesiredStatus.ToString(),
        });
    }

    /// <summary>One allocation of an app; null when there is none.</summary>
    public async Task<Allocation?> GetAsync(Guid appId, Guid allocationId, CancellationToken cancellationToken)
    {
        return (await tables.Allocations.GetAsync<Allocation>(Key(appId), Key(allocationId), cancellationToken))?.Document;
    }

    /// <summary>Every allocation of an app, stopped ones included.</summary>
    public async Task<IReadOnlyList<Allocation>> ForAppAsync(Guid appId, CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Key(appId)}"), cancellationToken);

    /// <summary>The allocations of an app that one deployment placed.</summary>
    public async Task<IReadOnlyList<Allocation>> ForDeploymentAsync(Guid appId, Guid deploymentId, CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Key(appId)} and DeploymentId eq {deploymentId}"), cancellationToken);

    private async Task<IReadOnlyList<Allocation>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var found = await tables.Allocations.ListAsync<Allocation>(filter, cancellationToken);
        return [.. found.OrderBy(a => a.CreatedAt)];
    }

    private static string Key(Guid id) => id.ToString("N");
}
