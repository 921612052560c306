using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

/// <summary>25 instances on one hub: 15 "Alpha" that complete and 10 "Beta" that keep waiting.</summary>
public sealed class QueryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Query_WithPageSizeTen_ReturnsAllInstancesInThreePagesWithoutDuplicates()
    {
        await using var host = await StartWithInstancesAsync();

        var pages = new List<IReadOnlyList<OrchestrationMetadata>>();
        string? token = null;
        do
        {
            var page = await host.Client.QueryInstancesAsync(new OrchestrationQuery { PageSize = 10, ContinuationToken = token });
            pages.Add(page.Instances);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal([10, 10, 5], pages.Select(p => p.Count));
        var ids = pages.SelectMany(p => p).Select(m => m.InstanceId).ToList();
        Assert.Equal(25, ids.Distinct().Count());
    }

    [Fact]
    public async Task Query_ByStatusAndByName_ReturnsOnlyMatchingInstances()
    {
        await using var host = await StartWithInstancesAsync();

        var running = await host.Client.QueryInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running] });
        var alphas = await host.Client.QueryInstancesAsync(new OrchestrationQuery { Name = "Alpha" });
        var completedBetas = await host.Client.QueryInstancesAsync(new OrchestrationQuery { Name = "Beta", Statuses = [OrchestrationRuntimeStatus.Completed] });

        Assert.Equal(10, running.Instances.Count);
        Assert.All(running.Instances, m => Assert.Equal("Beta", m.Name));
        Assert.Equal(15, alphas.Instances.Count);
        Assert.All(alphas.Instances, m => Assert.Equal(OrchestrationRuntimeStatus.Completed, m.RuntimeStatus));
        Assert.Empty(completedBetas.Instances);
    }

    [Fact]
    public async Task Query_ByCreatedRange_ReturnsInstancesCreatedInIt()
    {
        await using var host = await StartWithInstancesAsync();
        var all = (await host.Client.QueryInstancesAsync(new OrchestrationQuery())).Instances.OrderBy(m => m.CreatedAt).ToList();

        // Bounds taken from stored creation times; the range is half-open, [from, to).
        var from = all[5].CreatedAt;
        var to = all[15].CreatedAt;
        var expected = all.Where(m => m.CreatedAt >= from && m.CreatedAt < to).Select(m => m.InstanceId).Order().ToList();
        var inRange = await host.Client.QueryInstancesAsync(new OrchestrationQuery { CreatedFrom = from, CreatedTo = to });

        Assert.InRange(expected.Count, 1, 24);
        Assert.Equal(expected, inRange.Instances.Select(m => m.InstanceId).Order());
    }

    private async Task<DurableTestHost> StartWithInstancesAsync()
    {
        var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddOrchestratorFunc<int, int>("Alpha", (_, n) => Task.FromResult(n))
            .AddOrchestratorFunc<int, int>("Beta", (context, _) => context.WaitForExternalEvent<int>("never")));
        var ids = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync(i % 5 < 3 ? "Alpha" : "Beta", i, new StartOrchestrationOptions($"q-{i:D2}")));
        }

        foreach (var id in ids)
        {
            await host.WaitUntilAsync(id, m => m.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Running);
        }

        // Every instance takes one step to Completed (Alpha) or Running (Beta); wait until queries show all of them.
        await host.WaitForQueryAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Pending] }, 0);

        return host;
    }
}
