using Deployments.Platform;

namespace Deployments.Api.Http;

/// <summary>
/// The app's own tables (keys and tokens, webhook deliveries), named after the task hub like the engine's
/// and the domain's, on the same account and credential; the first operation on either creates both.
/// </summary>
internal sealed class ControlPlaneTables : IDisposable
{
    private readonly StorageTableSet set;

    public ControlPlaneTables(StorageConnection connection, StorageTransactionCounter counter, string tablePrefix)
    {
        set = new StorageTableSet(StorageClients.Tables(connection, counter), $"{tablePrefix}Keys", $"{tablePrefix}Deliveries");
        Keys = set[$"{tablePrefix}Keys"];
        Deliveries = set[$"{tablePrefix}Deliveries"];
    }

    public StorageTable Keys { get; }

    public StorageTable Deliveries { get; }

    public void Dispose() => set.Dispose();
}
