using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Refusals;
using Deployments.Service;
using Deployments.Tests.Infrastructure;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Tests;

public sealed class ManualHealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ManualHealth_RolloutWaitsWithoutProbing_UntilTheAllocationsAreMarkedHealthy()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("manualok"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        await host.DeploySuccessfullyAsync(app.Id);

        // The new revision fails its health endpoint: had the rollout probed it, it could never succeed.
        var deployment = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2", failHealth: true),
            Options: ManualOptions() with { MinHealthyTime = TimeSpan.FromSeconds(1) }), CancellationToken.None);
        await host.WaitForAsync(deployment.Id, d => d.Groups.TryGetValue("web", out var web) && web.Placed == 2);
        await HealthCheckedAsync(host, deployment.Id, times: 3);

        var waiting = await host.Deployments.GetRequiredAsync(deployment.Id, CancellationToken.None);
        Assert.Equal(DeploymentStatus.Running, waiting.Status);
        var placed = (await host.Deployments.AllocationsAsync(deployment.Id, CancellationToken.None)).Where(a => a.Revision == 2).ToList();
        Assert.Equal(2, placed.Count);
        Assert.All(placed, a => Assert.Equal(AllocationHealth.Pending, a.Health));

        await host.Deployments.SetAllocationHealthAsync(deployment.Id, [.. placed.Select(a => a.Id)], [], "quinn", CancellationToken.None);
        var done = await host.WaitForEndAsync(deployment.Id);

        Assert.Equal(DeploymentStatus.Successful, done.Status);
        var running = await host.RunningAsync(app.Id);
        Assert.Equal(placed.Select(a => a.Id).Order(), running.Select(a => a.Id).Order());
        Assert.All(running, a => Assert.Equal(AllocationHealth.Healthy, a.Health));
        var timeline = await host.Deployments.EventsAsync(deployment.Id, CancellationToken.None);
        Assert.Contains(timeline, e => e.Kind == "allocation-health" && e.Actor == "quinn");
    }

    [Fact]
    public async Task ManualHealth_ForAllocationsNotOfTheDeployment_IsRefusedNamingTheField()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("manualbad"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);
        var first = await host.DeploySuccessfullyAsync(app.Id);
        var deployment = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"), Options: ManualOptions()), CancellationToken.None);
        await host.WaitForAsync(deployment.Id, d => d.Groups.TryGetValue("web", out var web) && web.Placed == 1);
        var mine = (await host.Deployments.AllocationsAsync(deployment.Id, CancellationToken.None)).Single(a => a.Revision == 2);
        var another = (await host.Deployments.AllocationsAsync(first.Id, CancellationToken.None)).Single();

        var unknown = await Assert.ThrowsAsync<UnprocessableException>(() =>
            host.Deployments.SetAllocationHealthAsync(deployment.Id, [mine.Id, Guid.NewGuid()], [], "quinn", CancellationToken.None));
        Assert.Equal("healthy_allocation_ids", unknown.Field);
        var foreign = await Assert.ThrowsAsync<UnprocessableException>(() =>
            host.Deployments.SetAllocationHealthAsync(deployment.Id, [], [another.Id], "quinn", CancellationToken.None));
        Assert.Equal("unhealthy_allocation_ids", foreign.Field);
        Assert.Contains(another.Id.ToString(), foreign.Message, StringComparison.Ordinal);
        var both = await Assert.ThrowsAsync<ValidationException>(() =>
            host.Deployments.SetAllocationHealthAsync(deployment.Id, [mine.Id], [mine.Id], "quinn", CancellationToken.None));
        Assert.Equal("healthy_allocation_ids", Assert.Single(both.Errors).Field);

        // Nothing of the refused requests was applied.
        Assert.Equal(AllocationHealth.Pending, (await host.Deployments.AllocationsAsync(deployment.Id, CancellationToken.None)).Single(a => a.Id == mine.Id).Health);
        Assert.Equal(AllocationHealth.Healthy, (await host.Deployments.AllocationsAsync(first.Id, CancellationToken.None)).Single().Health);
        await host.Deployments.CancelAsync(deployment.Id, "quinn", "test over", CancellationToken.None);
        Assert.Equal(DeploymentStatus.Cancelled, (await host.WaitForEndAsync(deployment.Id)).Status);
    }

    [Fact]
    public async Task ManualHealth_AnAllocationMarkedUnhealthy_FailsTheRolloutAtOnceAndRevertsToTheStableRevision()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("manualfail"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        await host.DeploySuccessfullyAsync(app.Id);
        // A healthy deadline far beyond the test's wait: only acting on the mark itself can end the rollout in time.
        var deployment = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"),
            Options: ManualOptions() with { AutoRevert = true, HealthyDeadline = TimeSpan.FromMinutes(10), ProgressDeadline = TimeSpan.FromMinutes(10) }), CancellationToken.None);
        await host.WaitForAsync(deployment.Id, d => d.Groups.TryGetValue("web", out var web) && web.Placed == 2);
        var placed = (await host.Deployments.AllocationsAsync(deployment.Id, CancellationToken.None)).Where(a => a.Revision == 2).ToList();

        await host.Deployments.SetAllocationHealthAsync(deployment.Id, [placed[0].Id], [placed[1].Id], "quinn", CancellationToken.None);
        var done = await host.WaitForEndAsync(deployment.Id, TimeSpan.FromSeconds(60));

        Assert.Equal(DeploymentStatus.Failed, done.Status);
        Assert.Equal(StatusDescriptions.RollingBack(StatusDescriptions.FailedUnhealthy, 1), done.StatusDescription);
        var failed = Assert.Single(await host.Deployments.EventsAsync(deployment.Id, CancellationToken.None), e => e.Kind == "failed");
        Assert.Equal("quinn", failed.Actor);
        Assert.Contains(placed[1].Id.ToString("N"), failed.Message, StringComparison.Ordinal);
        var rollback = await host.WaitForRollbackAsync(app.Id);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(rollback.Id)).Status);
        var running = await host.RunningAsync(app.Id);
        Assert.Equal(2, running.Count);
        Assert.All(running, a => Assert.Equal(1, a.Revision));
    }

    private static DeploymentOptions ManualOptions() => DeploymentsTestHost.FastOptions() with
    {
        HealthCheck = HealthCheckMode.Manual,
        MaxInFlight = 2,
        HealthyDeadline = TimeSpan.FromSeconds(60),
        ProgressDeadline = TimeSpan.FromSeconds(60),
    };

    /// <summary>Waits until the rollout has looked at its allocations' health this many times: proof that it is waiting, not idle.</summary>
    private static Task<IList<HistoryEvent>> HealthCheckedAsync(DeploymentsTestHost host, Guid deploymentId, int times) =>
        Polling.UntilAsync($"{times} health checks of deployment {deploymentId}", async token =>
        {
            var history = await host.Services.GetRequiredService<DurableTaskClient>().GetOrchestrationHistoryAsync(DeploymentService.InstanceIdFor(deploymentId), token);
            return history.OfType<TaskScheduledEvent>().Count(t => t.Name == RolloutActivities.CheckHealth) >= times ? history : null;
        }, DeploymentsTestHost.DefaultTimeout);
}
