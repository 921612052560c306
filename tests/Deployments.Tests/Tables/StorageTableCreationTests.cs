using System.Text.RegularExpressions;
using Azure.Data.Tables;
using DevStorage;
using Deployments.Platform;
using TestSupport;

namespace Deployments.Tests.Tables;

/// <summary>Tables create themselves on first use; a creation that failed is tried again by the next operation.</summary>
public sealed class StorageTableCreationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FirstOperation_CreatesEveryTableOfTheSet()
    {
        var prefix = azurite.NewHubName("made");
        using var tables = new StorageTableSet(new TableServiceClient(azurite.ConnectionString), prefix + "One", prefix + "Two");

        await tables[prefix + "One"].AddAsync(new TableEntity("p", "r"), CancellationToken.None);

        Assert.Null(await tables[prefix + "Two"].GetAsync("p", "r", CancellationToken.None));
    }

    [Fact]
    public async Task FailedCreation_IsNotRemembered_TheNextOperationCreatesAndSucceeds()
    {
        var port = LoopbackPorts.Free();
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        // The shared emulator's account, at a table port where nothing listens yet.
        var unreachable = Regex.Replace(azurite.ConnectionString, @"TableEndpoint=http://127\.0\.0\.1:\d+/", $"TableEndpoint=http://127.0.0.1:{port}/");
        Assert.NotEqual(azurite.ConnectionString, unreachable);
        var service = new TableServiceClient(unreachable, options);
        var name = azurite.NewHubName("late") + "Rows";
        using var tables = new StorageTableSet(service, name);
        var table = tables[name];

        // Storage not there yet: the table cannot be created, so the operation fails.
        await Assert.ThrowsAnyAsync<Exception>(() => table.AddAsync(new TableEntity("p", "r"), CancellationToken.None));

        await using var storage = await AzuriteProcess.StartAsync(new AzuriteOptions { TablePort = port }, CancellationToken.None);
        await table.AddAsync(new TableEntity("p", "r"), CancellationToken.None);

        Assert.NotNull(await table.GetAsync("p", "r", CancellationToken.None));
    }
}
