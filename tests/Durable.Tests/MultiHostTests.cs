using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class MultiHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoHostsOnOneHub_RunFortyOrchestrations_EachStepCommittedExactlyOnce()
    {
        var hub = azurite.NewHubName();
        var activitiesRun = new int[2];
        await using var first = await StartAsync(hub, activitiesRun, 0);
        await using var second = await StartAsync(hub, activitiesRun, 1);

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(n =>
            (n % 2 == 0 ? first : second).Client.ScheduleNewOrchestrationInstanceAsync("ChainThenFanOut", n, new StartOrchestrationOptions($"multi-{n:D2}"))));
        var results = await first.WaitAllAsync(ids, TimeSpan.FromSeconds(60));

        Assert.All(results, result =>
        {
            var n = int.Parse(result.InstanceId["multi-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
            Assert.Equal((n + 5) * 15, result.ReadOutputAs<int>());
        });
        foreach (var id in ids)
        {
            var history = await first.Client.GetOrchestrationHistoryAsync(id);
            HistoryAssert.EachStepCommittedOnce(history);
            Assert.Equal(10, history.OfType<TaskScheduled>().Count());
            Assert.Equal(10, history.OfType<TaskCompleted>().Count());
        }

        Assert.All(activitiesRun, count => Assert.True(count > 0, "both hosts should have run activities"));
    }

    /// <summary>Few activity slots, so work items overflow to the shared queue and either host may take them.</summary>
    private async Task<DurableTestHost> StartAsync(string hub, int[] activitiesRun, int host) =>
        await DurableTestHost.StartAsync(azurite.ConnectionString, hub, registry => registry
            .AddActivityFunc<int, int>("AddOne", (_, n) =>
            {
                Interlocked.Increment(ref activitiesRun[host]);
                return Task.FromResult(n + 1);
            })
            .AddActivityFunc<int[], int>("Multiply", (_, pair) =>
            {
                Interlocked.Increment(ref activitiesRun[host]);
                return Task.FromResult(pair[0] * pair[1]);
            })
            .AddOrchestratorFunc<int, int>("ChainThenFanOut", async (context, n) =>
            {
                var value = n;
                for (var step = 0; step < 5; step++)
                {
                    value = await context.CallActivityAsync<int>("AddOne", value);
                }

                var products = await Task.WhenAll(Enumerable.Range(1, 5).Select(k => context.CallActivityAsync<int>("Multiply", new[] { value, k })));
                return products.Sum();
            }),
            options => options.MaxConcurrentActivityFunctions = 2);
}
