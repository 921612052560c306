using Azure.Data.Tables;

namespace Deployments.Engine;

/// <summary>One cheap request to the storage account, for readiness checks: fails when it cannot be reached.</summary>
public sealed class StorageAccountProbe(StorageConnection connection, StorageTransactionCounter counter)
{
    private readonly TableServiceClient tables = TaskHubStorage.TableService(connection, counter);

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken))
        {
            break;
        }
    }
}
