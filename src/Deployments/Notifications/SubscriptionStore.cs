using Azure.Data.Tables;
using Deployments.Model;
using Deployments.Storage;

namespace Deployments.Notifications;

public sealed class SubscriptionStore(DeploymentTables tables)
{
    public async Task CreateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await tables.Subscriptions.InsertAsync(subscription.Namespace, subscription.Id.ToString("N"), subscription, cancellationToken);
    }

    public async Task<Subscription?> GetAsync(string @namespace, Guid id, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        return (await tables.Subscriptions.GetAsync<Subscription>(@namespace, id.ToString("N"), cancellationToken))?.Document;
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(string @namespace, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var found = new List<Subscription>();
        await foreach (var stored in tables.Subscriptions.QueryAsync<Subscription>(TableClient.CreateQueryFilter($"PartitionKey eq {@namespace}"), cancellationToken))
        {
            found.Add(stored.Document);
        }

        return found;
    }

    public async Task DeleteAsync(string @namespace, Guid id, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await tables.Subscriptions.DeleteAsync(@namespace, id.ToString("N"), cancellationToken);
    }
}
