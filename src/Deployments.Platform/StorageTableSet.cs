using Azure.Data.Tables;

namespace Deployments.Platform;

/// <summary>
/// Tables that are created together: the first operation on any of them creates them all, in parallel, so a
/// host's first request pays one round of creations rather than one per table as each is first used.
/// </summary>
public sealed class StorageTableSet : IDisposable
{
    private readonly CreatedOnce created;
    private readonly Dictionary<string, StorageTable> tables;

    /// <summary>The tables <paramref name="names"/> of the account <paramref name="service"/> reaches.</summary>
    public StorageTableSet(TableServiceClient service, params string[] names)
    {
        var clients = names.Select(service.GetTableClient).ToList();
        created = new CreatedOnce(cancellationToken => Task.WhenAll(clients.Select(client => client.CreateIfNotExistsAsync(cancellationToken))));
        tables = clients.ToDictionary(client => client.Name, client => new StorageTable(client, created));
    }

    /// <summary>The table of this set named <paramref name="name"/>.</summary>
    public StorageTable this[string name] => tables[name];

    /// <summary>Releases the shared creation gate.</summary>
    public void Dispose() => created.Dispose();
}
