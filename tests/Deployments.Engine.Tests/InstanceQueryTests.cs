using Deployments.Engine.Tests.Infrastructure;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TestSupport;
using CoreStatus = DurableTask.Core.OrchestrationStatus;

namespace Deployments.Engine.Tests;

/// <summary>Reading instances back: queries with paging, purges, history.</summary>
public sealed class InstanceQueryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Query_ByInstanceIdPrefix_PagesThroughTheMatchingInstancesOnly()
    {
        await using var engine = await StartAsync("query");
        string[] alpha = ["alpha-1", "alpha-2", "alpha-3", "alpha-4", "alpha-5"];
        foreach (var id in (string[])[.. alpha, "beta-1", "beta-2"])
        {
            await engine.Client.ScheduleNewOrchestrationInstanceAsync(TestTasks.Greeting, id, new StartOrchestrationOptions(id));
        }

        var query = new OrchestrationQuery { InstanceIdPrefix = "alpha-", PageSize = 2 };
        var pages = await PagesAsync(engine.Client.GetAllInstancesAsync(query).AsPages());

        Assert.Equal(alpha, pages.SelectMany(p => p.Values).Select(i => i.InstanceId).Order());
        Assert.All(pages, p => Assert.InRange(p.Values.Count, 0, 2));
        Assert.True(pages.Count >= 3, $"5 instances in pages of 2 came in {pages.Count} page(s)");
        Assert.All(pages.SkipLast(1), p => Assert.False(string.IsNullOrEmpty(p.ContinuationToken)));
        Assert.True(string.IsNullOrEmpty(pages[^1].ContinuationToken));

        var first = pages[0].Values.Select(i => i.InstanceId).ToList();
        var resumed = await PagesAsync(engine.Client.GetAllInstancesAsync(query).AsPages(pages[0].ContinuationToken, pageSizeHint: 2));
        Assert.Equal(alpha.Except(first), resumed.SelectMany(p => p.Values).Select(i => i.InstanceId).Order());

        var itemByItem = new List<string>();
        await foreach (var instance in engine.Client.GetAllInstancesAsync(query with { PageSize = 100 }))
        {
            itemByItem.Add(instance.InstanceId);
        }

        Assert.Equal(alpha, itemByItem.Order());
    }

    [Fact]
    public async Task Purge_OfOneEndedInstance_RemovesItButRefusesARunningOne()
    {
        await using var engine = await StartAsync("purgeone");
        await engine.RunAsync(TestTasks.Greeting, "x", "ended");
        await engine.StartAwaitingApprovalAsync("y", "running");

        var purged = await engine.Client.PurgeInstanceAsync("ended");

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await engine.Client.GetInstanceAsync("ended"));
        Assert.Equal(0, (await engine.Client.PurgeInstanceAsync("never-existed")).PurgedInstanceCount);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Client.PurgeInstanceAsync("running"));
        Assert.Contains("Running", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(await engine.Client.GetInstanceAsync("running"));
    }

    [Fact]
    public async Task Purge_ByFilter_RemovesOnlyTheInstancesWithAMatchingStatus()
    {
        await using var engine = await StartAsync("purgefilter");
        var from = DateTimeOffset.UtcNow.AddMinutes(-5);
        foreach (var id in (string[])["done-1", "done-2", "done-3"])
        {
            await engine.RunAsync(TestTasks.Greeting, id, id);
        }

        await engine.StartAwaitingApprovalAsync("z", "terminated");
        await engine.Client.TerminateInstanceAsync("terminated", "not needed");
        await engine.WaitForEndAsync("terminated");

        var purged = await engine.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from, null, [OrchestrationRuntimeStatus.Completed]));

        Assert.Equal(3, purged.PurgedInstanceCount);
        var left = new List<string>();
        await foreach (var instance in engine.Client.GetAllInstancesAsync())
        {
            left.Add(instance.InstanceId);
        }

        Assert.Equal(["terminated"], left);
    }

    [Fact]
    public async Task History_ReturnsTheTypedEventsOfTheRunInOrder()
    {
        await using var engine = await StartAsync("history");
        await engine.RunAsync(TestTasks.Greeting, "history", "history-1");

        var history = await engine.Client.GetOrchestrationHistoryAsync("history-1");

        var significant = history.Where(e => e is not (OrchestratorStartedEvent or OrchestratorCompletedEvent)).ToList();
        Assert.Collection(significant,
            e => Assert.Equal(TestTasks.Greeting, Assert.IsType<ExecutionStartedEvent>(e).Name),
            e => Assert.Equal(TestTasks.Greet, Assert.IsType<TaskScheduledEvent>(e).Name),
            e => Assert.Equal(significant[1].EventId, Assert.IsType<TaskCompletedEvent>(e).TaskScheduledId),
            e => Assert.Equal(CoreStatus.Completed, Assert.IsType<ExecutionCompletedEvent>(e).OrchestrationStatus));
        Assert.Contains("Hello, history", ((TaskCompletedEvent)significant[2]).Result, StringComparison.Ordinal);
        Assert.Equal(
        [
            EventType.OrchestratorStarted, EventType.ExecutionStarted, EventType.TaskScheduled, EventType.OrchestratorCompleted,
            EventType.OrchestratorStarted, EventType.TaskCompleted, EventType.ExecutionCompleted, EventType.OrchestratorCompleted,
        ], history.Select(e => e.EventType));
    }

    private static async Task<List<Page<OrchestrationMetadata>>> PagesAsync(IAsyncEnumerable<Page<OrchestrationMetadata>> pages)
    {
        var all = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in pages)
        {
            all.Add(page);
        }

        return all;
    }

    private Task<EngineHost> StartAsync(string prefix) => EngineHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(prefix));
}
