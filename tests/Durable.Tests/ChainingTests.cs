using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class ChainingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Chain_OfActivities_PassesEachResultToTheNext()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<string, string>("Append", (_, text) => Task.FromResult(text + "!"))
            .AddOrchestratorFunc<string, string>("Chain", async (context, seed) =>
            {
                var value = seed;
                for (var i = 0; i < 5; i++)
                {
                    value = await context.CallActivityAsync<string>("Append", value);
                }

                return value;
            }));

        var result = await host.RunAsync("Chain", "go");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("go!!!!!", result.ReadOutputAs<string>());
        Assert.Equal("go", result.ReadInputAs<string>());
    }

    [Fact]
    public async Task History_OfCompletedChain_ListsEveryStepInOrder()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2))
            .AddOrchestratorFunc<int, int>("Twice", async (context, n) =>
                await context.CallActivityAsync<int>("Double", await context.CallActivityAsync<int>("Double", n))));

        var result = await host.RunAsync("Twice", 3);
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);

        Assert.Equal(12, result.ReadOutputAs<int>());
        Assert.IsType<ExecutionStarted>(history.First(e => e is not OrchestratorStarted));
        Assert.Equal([0, 1], history.OfType<TaskScheduled>().Select(e => e.TaskId));
        Assert.Equal([0, 1], history.OfType<TaskCompleted>().Select(e => e.TaskScheduledId));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, Assert.IsType<ExecutionCompleted>(history[^1]).Status);
        var steps = history.OfType<OrchestratorStarted>().Select(e => e.Timestamp).ToList();
        Assert.Equal(steps.Order(), steps);
    }
}
