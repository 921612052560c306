using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class PurgeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Purge_CompletedInstance_RemovesItAndItsHistory()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), Register);
        var done = await host.RunAsync("Echo", new string('x', 100_000));
        await host.WaitForQueryAsync(Completed, 1);

        var purged = await host.Client.PurgeInstanceAsync(done.InstanceId);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(done.InstanceId));
        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => host.Client.GetOrchestrationHistoryAsync(done.InstanceId));
        Assert.Empty((await host.Client.QueryInstancesAsync(new OrchestrationQuery())).Instances);
        var blobs = new List<string>();
        await foreach (var blob in host.Storage.Payloads.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = done.InstanceId + "/" }))
        {
            blobs.Add(blob.Name);
        }

        Assert.Empty(blobs);
    }

    [Fact]
    public async Task Purge_RunningInstance_IsRefused()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), Register);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("WaitForever");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.PurgeInstanceAsync(id));

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.NotEmpty(await host.Client.GetOrchestrationHistoryAsync(id));
    }

    [Fact]
    public async Task PurgeAll_ByCreatedTime_PurgesOnlyTerminalInstancesInTheRange()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), Register);
        var older = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => host.RunAsync("Echo", $"old {i}")));
        var olderRunning = await host.Client.ScheduleNewOrchestrationInstanceAsync("WaitForever");
        await host.WaitUntilAsync(olderRunning, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        var newer = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => host.RunAsync("Echo", $"new {i}")));

        await host.WaitForQueryAsync(Completed, 5);

        // The boundary is a stored creation time, so the test does not depend on clock resolution.
        var boundary = newer.Min(m => m.CreatedAt);
        Assert.All(older, m => Assert.True(m.CreatedAt < boundary));
        var purged = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedTo: boundary));

        Assert.Equal(3, purged.PurgedInstanceCount);
        foreach (var gone in older)
        {
            Assert.Null(await host.Client.GetInstanceAsync(gone.InstanceId));
        }

        Assert.NotNull(await host.Client.GetInstanceAsync(olderRunning));
        foreach (var kept in newer)
        {
            Assert.NotNull(await host.Client.GetInstanceAsync(kept.InstanceId));
        }
    }

    [Fact]
    public async Task PurgeAll_AskedOnlyForRunningInstances_PurgesNothing()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), Register);
        var done = await host.RunAsync("Echo", "done");
        var running = await host.Client.ScheduleNewOrchestrationInstanceAsync("WaitForever");
        await host.WaitUntilAsync(running, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await host.WaitForQueryAsync(Completed, 1);

        var purged = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Running]));

        Assert.Equal(0, purged.PurgedInstanceCount);
        Assert.NotNull(await host.Client.GetInstanceAsync(done.InstanceId));
        Assert.NotNull(await host.Client.GetInstanceAsync(running));
    }

    private static readonly OrchestrationQuery Completed = new() { Statuses = [OrchestrationRuntimeStatus.Completed] };

    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestratorFunc<string, string>("Echo", (_, input) => Task.FromResult(input))
        .AddOrchestratorFunc<string, string>("WaitForever", (context, _) => context.WaitForExternalEvent<string>("never"));
}
