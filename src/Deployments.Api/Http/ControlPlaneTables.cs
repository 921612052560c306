using Azure.Data.Tables;
using Deployments.Engine;

namespace Deployments.Api.Http;

/// <summary>
/// The app's own tables (keys and tokens, webhook deliveries), named after the task hub like the engine's
/// and the domain's, on the same account and credential.
/// </summary>
internal sealed class ControlPlaneTables : IDisposable
{
    private readonly TableClient keys;
    private readonly TableClient deliveries;
    private readonly SemaphoreSlim creating = new(1, 1);
    private volatile bool created;

    public ControlPlaneTables(StorageConnection connection, StorageTransactionCounter counter, string tablePrefix)
    {
        var service = TaskHubStorage.TableService(connection, counter);
        keys = service.GetTableClient($"{tablePrefix}Keys");
        deliveries = service.GetTableClient($"{tablePrefix}Deliveries");
    }

    public void Dispose() => creating.Dispose();

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

    /// <summary>Created once per process; a failure (storage briefly down) is retried by the next caller, not cached.</summary>
    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await creating.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await keys.CreateIfNotExistsAsync(cancellationToken);
                await deliveries.CreateIfNotExistsAsync(cancellationToken);
                created = true;
            }
        }
        finally
        {
            creating.Release();
        }
    }
}
