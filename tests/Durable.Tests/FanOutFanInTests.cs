using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class FanOutFanInTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FanOut_OfHundredActivities_FansInToTheSumOfAllResults()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<int, int>("Square", (_, n) => Task.FromResult(n * n))
            .AddOrchestratorFunc<int, long>("SumOfSquares", async (context, count) =>
            {
                var squares = Enumerable.Range(1, count).Select(n => context.CallActivityAsync<int>("Square", n)).ToList();
                return (await Task.WhenAll(squares)).Sum(square => (long)square);
            }));

        var result = await host.RunAsync("SumOfSquares", 100);
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(338_350L, result.ReadOutputAs<long>());
        Assert.Equal(Enumerable.Range(0, 100), history.OfType<TaskScheduled>().Select(e => e.TaskId).Order());
        Assert.Equal(Enumerable.Range(0, 100), history.OfType<TaskCompleted>().Select(e => e.TaskScheduledId).Order());
        HistoryAssert.EachStepCommittedOnce(history);
    }
}
