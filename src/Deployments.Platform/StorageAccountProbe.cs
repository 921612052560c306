using Azure.Data.Tables;

namespace Deployments.Platform;

/// <summary>One cheap request to the storage account, for readiness checks: fails when it cannot be reached.</summary>
public sealed class StorageAccountProbe(StorageConnection connection, StorageTransactionCounter counter)
{
    private readonly TableServiceClient tables = StorageClients.Tables(connection, counter);

    /// <summary>Lists at most one table: returns once the account answers, throws what the client throws when it does not.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken))
        {
            break;
        }
    }
}
