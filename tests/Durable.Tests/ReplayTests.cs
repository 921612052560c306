using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

/// <summary>With the orchestration cache off, every step rebuilds the orchestrator from its whole history.</summary>
public sealed class ReplayTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Orchestration_UsingEveryKindOfStep_EndsTheSameWithOrWithoutTheCache(bool cacheEnabled)
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2))
            .AddOrchestratorFunc<int, int>("Child", async (context, n) => await context.CallActivityAsync<int>("Double", n) + 1)
            .AddOrchestratorFunc<int, string>("Everything", async (context, n) =>
            {
                var ids = new[] { context.NewGuid(), context.NewGuid() };
                var chained = await context.CallActivityAsync<int>("Double", n);
                var fanned = (await Task.WhenAll(Enumerable.Range(1, 3).Select(k => context.CallActivityAsync<int>("Double", k)))).Sum();
                var child = await context.CallSubOrchestratorAsync<int>("Child", chained);
                await context.CreateTimer(TimeSpan.FromMilliseconds(100), CancellationToken.None);
                context.SetCustomStatus("waiting");
                var approval = await context.WaitForExternalEvent<string>("approval", TimeSpan.FromMinutes(5));
                string late;
                try
                {
                    late = await context.WaitForExternalEvent<string>("never", TimeSpan.FromMilliseconds(100));
                }
                catch (TaskCanceledException)
                {
                    late = "timed out";
                }

                // The same GUIDs on every replay, or this would differ from the first episode's.
                var sameIds = ids[0] == context.NewGuid() ? "regenerated" : $"{ids[0] != ids[1]}";
                return $"{chained}|{fanned}|{child}|{approval}|{late}|{sameIds}";
            }),
            options => options.ExtendedSessionsEnabled = cacheEnabled);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Everything", 5);
        await host.WaitUntilAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting");
        await host.Client.RaiseEventAsync(id, "approval", "yes");
        var result = await host.WaitAsync(id);
        var history = await host.Client.GetOrchestrationHistoryAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("10|12|21|yes|timed out|True", result.ReadOutputAs<string>());
        HistoryAssert.EachStepCommittedOnce(history);
    }
}
