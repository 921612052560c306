using Azure.Data.Tables;

namespace Deployments.Platform;

/// <summary>
/// Clients of the storage account built one way for every caller: connected as <see cref="StorageConnection"/>
/// says and counted by the host's <see cref="StorageTransactionCounter"/>, so each host's figure covers all its traffic.
/// </summary>
public static class StorageClients
{
    /// <summary>The table service, for the app's own tables.</summary>
    public static TableServiceClient Tables(StorageConnection connection, StorageTransactionCounter counter) =>
        connection.ConnectionString is { } text
            ? new TableServiceClient(text, counter.CountedTableClientOptions())
            : new TableServiceClient(connection.TableUri!, connection.Credential!, counter.CountedTableClientOptions());
}
