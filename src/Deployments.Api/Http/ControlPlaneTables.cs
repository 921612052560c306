using Azure.Data.Tables;
using Deployments.Platform;
using Deployments.Storage;

namespace Deployments.Api.Http;

/// <summary>
/// The app's own tables (keys and tokens, webhook deliveries), named after the task hub like the engine's
/// and the domain's, on the same account and credential.
/// </summary>
internal sealed class ControlPlaneTables : IDisposable
{
    private readonly TableClient keys;
    private readonly TableClient deliveries;
    private readonly CreatedOnce created;

    public ControlPlaneTables(StorageConnection connection, StorageTransactionCounter counter, string tablePrefix)
    {
        var service = StorageClients.Tables(connection, counter);
        keys = service.GetTableClient($"{tablePrefix}Keys");
        deliveries = service.GetTableClient($"{tablePrefix}Deliveries");
        created = new CreatedOnce(async cancellationToken =>
        {
            await keys.CreateIfNotExistsAsync(cancellationToken);
            await deliveries.CreateIfNotExistsAsync(cancellationToken);
        });
    }

    public void Dispose() => created.Dispose();

    public async Task<TableClient> KeysAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return keys;
    }

    public async Task<TableClient> DeliveriesAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return deliveries;
    }

    private Task EnsureCreatedAsync(CancellationToken cancellationToken) => created.EnsureAsync(cancellationToken);
}
