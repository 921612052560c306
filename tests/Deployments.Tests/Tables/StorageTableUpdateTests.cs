using Azure;
using Azure.Data.Tables;
using Deployments.Platform;
using TestSupport;

namespace Deployments.Tests.Tables;

/// <summary>The one guarded read-modify-write, against Azurite: lost races are retried, and only as often as asked.</summary>
public sealed class StorageTableUpdateTests(AzuriteFixture azurite)
{
    private const string Partition = "counter";
    private const string Row = "one";

    [Fact]
    public async Task UpdateAsync_TwoUpdatersReadingTheSameVersion_BothLand_TheLoserAfterARetry()
    {
        using var tables = NewTables(out var table);
        await table.AddAsync(new TableEntity(Partition, Row) { ["Count"] = 0 }, CancellationToken.None);
        // Both read version 0 before either writes, so exactly one write is refused and decided afresh.
        using var bothRead = new Barrier(2);
        var decisions = 0;

        Task<int> Increment()
        {
            var first = true;
            return Task.Run(() => table.UpdateAsync(Partition, Row, entity =>
            {
                Interlocked.Increment(ref decisions);
                if (first)
                {
                    first = false;
                    Assert.True(bothRead.SignalAndWait(TimeSpan.FromSeconds(30)));
                }

                var count = entity!.GetInt32("Count")!.Value + 1;
                entity["Count"] = count;
                return RowUpdate.Write(count, new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag));
            }, 10, CancellationToken.None));
        }

        var counts = await Task.WhenAll(Increment(), Increment());

        Assert.Equal([1, 2], counts.Order());
        Assert.Equal(3, decisions);
        Assert.Equal(2, (await table.GetAsync(Partition, Row, CancellationToken.None))!.GetInt32("Count"));
    }

    [Fact]
    public async Task UpdateAsync_LosingEveryRace_StopsAfterTheAttemptsAndThrowsTheConflict()
    {
        using var tables = NewTables(out var table);
        await table.AddAsync(new TableEntity(Partition, Row) { ["Count"] = 0 }, CancellationToken.None);
        var stale = await table.ReplaceAsync(new TableEntity(Partition, Row) { ["Count"] = 0 }, ETag.All, CancellationToken.None);
        await table.ReplaceAsync(new TableEntity(Partition, Row) { ["Count"] = 1 }, ETag.All, CancellationToken.None);
        var decisions = 0;

        var lost = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateAsync(Partition, Row, entity =>
        {
            decisions++;
            // Guarded by a version that is gone: every write loses.
            return RowUpdate.Write(0, new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity(Partition, Row) { ["Count"] = 99 }, stale));
        }, 3, CancellationToken.None));

        Assert.Equal(412, lost.Status);
        Assert.Equal(3, decisions);
        Assert.Equal(1, (await table.GetAsync(Partition, Row, CancellationToken.None))!.GetInt32("Count"));
    }

    [Fact]
    public async Task UpdateAsync_InsertingWhereTheRowIsAbsent_RetriesAsAnUpdateWhenAnotherInsertCameFirst()
    {
        using var tables = NewTables(out var table);
        var decisions = 0;

        var count = await table.UpdateAsync(Partition, Row, entity =>
        {
            if (decisions++ == 0)
            {
                // Another writer inserts between this read and this insert.
                table.AddAsync(new TableEntity(Partition, Row) { ["Count"] = 5 }, CancellationToken.None).GetAwaiter().GetResult();
            }

            return entity is null
                ? RowUpdate.Write(1, new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, Row) { ["Count"] = 1 }))
                : RowUpdate.Write(6, new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity(Partition, Row) { ["Count"] = 6 }, entity.ETag));
        }, 10, CancellationToken.None);

        Assert.Equal(6, count);
        Assert.Equal(2, decisions);
    }

    [Fact]
    public async Task UpdateAsync_DecidingNothing_OnlyReads_AndTheTableIsCreatedByTheFirstOperationOnly()
    {
        var counter = new StorageTransactionCounter();
        var name = azurite.NewHubName("upd") + "Rows";
        using var tables = new StorageTableSet(StorageClients.Tables(StorageConnection.FromConnectionString(azurite.ConnectionString), counter), name);
        var table = tables[name];

        await table.AddAsync(new TableEntity(Partition, Row) { ["Count"] = 0 }, CancellationToken.None);
        Assert.Equal(2, counter.Tables);

        var count = await table.UpdateAsync(Partition, Row, entity => RowUpdate.Unchanged(entity!.GetInt32("Count")), 10, CancellationToken.None);

        Assert.Equal(0, count);
        Assert.Equal(3, counter.Tables);
    }

    private StorageTableSet NewTables(out StorageTable table)
    {
        var name = azurite.NewHubName("upd") + "Rows";
        var tables = new StorageTableSet(new TableServiceClient(azurite.ConnectionString), name);
        table = tables[name];
        return tables;
    }
}
