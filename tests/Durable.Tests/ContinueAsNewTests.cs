using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class ContinueAsNewTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EternalCounter_ContinuingAsNew_CompletesWithOnlyItsLastExecutionStored()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<int, int>("Increment", (_, n) => Task.FromResult(n + 1))
            .AddOrchestratorFunc<int, int>("Counter", async (context, n) =>
            {
                if (n >= 5)
                {
                    return n;
                }

                context.ContinueAsNew(await context.CallActivityAsync<int>("Increment", n));
                return n;
            }));

        var result = await host.RunAsync("Counter", 0);
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);
        var rowKeys = await HistoryRowKeysAsync(host, result.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(5, result.ReadOutputAs<int>());
        var started = Assert.Single(history.OfType<ExecutionStarted>());
        Assert.Equal("5", started.Input);
        Assert.Empty(history.OfType<TaskScheduled>());
        Assert.NotEmpty(rowKeys);
        Assert.All(rowKeys, key => Assert.StartsWith($"h-{result.ExecutionId}-", key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_ArrivingAcrossContinueAsNew_AreCarriedIntoTheNextExecution()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddOrchestratorFunc<List<string>, List<string>>("Collect", async (context, collected) =>
            {
                context.SetCustomStatus(collected.Count);
                collected.Add(await context.WaitForExternalEvent<string>("item"));
                if (collected.Count < 5)
                {
                    context.ContinueAsNew(collected, preserveUnprocessedEvents: true);
                }

                return collected;
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Collect", new List<string>());
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        foreach (var item in new[] { "a", "b", "c", "d", "e" })
        {
            await host.Client.RaiseEventAsync(id, "item", item);
        }

        var result = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["a", "b", "c", "d", "e"], result.ReadOutputAs<List<string>>());
    }

    private static async Task<List<string>> HistoryRowKeysAsync(DurableTestHost host, string instanceId)
    {
        var keys = new List<string>();
        await foreach (var row in host.Storage.History.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == instanceId))
        {
            if (row.RowKey.StartsWith("h-", StringComparison.Ordinal))
            {
                keys.Add(row.RowKey);
            }
        }

        return keys;
    }
}
