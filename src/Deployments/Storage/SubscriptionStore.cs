using Azure.Data.Tables;
using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Storage;

/// <summary>Webhook subscriptions, one partition per namespace.</summary>
public sealed class SubscriptionStore(DeploymentTables tables)
{
    /// <summary>Stores a new subscription; one with the same id already stored is a conflict.</summary>
    public async Task CreateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await tables.Subscriptions.InsertAsync(subscription.Namespace, subscription.Id.ToString("N"), subscription, cancellationToken);
    }

    /// <summary>The subscription with this id in the namespace; null when there is none.</summary>
    public async Task<Subscription?> GetAsync(string @namespace, Guid id, CancellationToken cancellationToken)
    {
        return (await tables.Subscriptions.GetAsync<Subscription>(@namespace, id.ToString("N"), cancellationToken))?.Document;
    }

    /// <summary>Every subscription of one namespace.</summary>
    public async Task<IReadOnlyList<Subscription>> ListAsync(string @namespace, CancellationToken cancellationToken)
    {
        return await tables.Subscriptions.ListAsync<Subscription>(TableClient.CreateQueryFilter($"PartitionKey eq {@namespace}"), cancellationToken);
    }

    /// <summary>Whether the namespace may have a subscriber: one single-row query, however many there are.</summary>
    public async Task<bool> AnyAsync(string @namespace, CancellationToken cancellationToken)
    {
        var (page, continuation) = await tables.Subscriptions.QueryPageAsync<Subscription>(TableClient.CreateQueryFilter($"PartitionKey eq {@namespace}"), 1, null, cancellationToken);
        // Table storage may answer an empty page with a continuation token; that proves nothing, so say yes.
        return page.Count > 0 || continuation is not null;
    }

    /// <summary>Applies a change under the subscription's ETag, from a fresh read when a concurrent change came first.</summary>
    public Task<Subscription> UpdateAsync(string @namespace, Guid id, Func<Subscription, Subscription> change, CancellationToken cancellationToken) =>
        tables.Subscriptions.UpdateAsync(@namespace, id.ToString("N"), change, () => new NotFoundException("subscription", id.ToString()), cancellationToken);

    /// <summary>Removes the subscription.</summary>
    public async Task DeleteAsync(string @namespace, Guid id, CancellationToken cancellationToken)
    {
        await tables.Subscriptions.DeleteAsync(@namespace, id.ToString("N"), cancellationToken);
    }
}
