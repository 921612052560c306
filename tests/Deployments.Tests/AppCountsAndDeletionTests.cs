using Deployments.Model;
using Deployments.Refusals;
using Deployments.Service;
using Deployments.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Tests;

/// <summary>An app's instance counts and its end, on real processes.</summary>
public sealed class AppCountsAndDeletionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Redeploy_OfTheCurrentRevisionWithNewCounts_ScalesToThemAndTheAppKeepsThem()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("rescale"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        await host.DeploySuccessfullyAsync(app.Id);

        foreach (var count in new[] { 3, 1 })
        {
            var scaled = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice",
                Options: DeploymentsTestHost.FastOptions() with { Groups = new Dictionary<string, int> { ["web"] = count } }), CancellationToken.None);
            var done = await host.WaitForEndAsync(scaled.Id);

            Assert.Equal(DeploymentStatus.Successful, done.Status);
            Assert.Equal(count, done.Groups["web"].Desired);
            var running = await host.RunningAsync(app.Id);
            Assert.Equal(count, running.Count);
            Assert.All(running, a => Assert.Equal(1, a.Revision));
            Assert.Equal(running.Select(a => a.Id.ToString("N")).ToHashSet(), await host.LiveProcessesAsync());
            Assert.Equal(count, (await host.AppAsync(app.Id))!.Groups["web"]);
        }
    }

    [Fact]
    public async Task Delete_OfAnAppWithRunningInstances_StopsTheirProcessesBeforeTheAppGoes()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("delapp"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        await host.DeploySuccessfullyAsync(app.Id);
        Assert.Equal(2, (await host.LiveProcessesAsync()).Count);

        await host.Apps.DeleteAppAsync(app.Id, CancellationToken.None);

        Assert.Null(await host.AppAsync(app.Id));
        Assert.Empty(await host.LiveProcessesAsync());
        Assert.All(await host.AllocationsOfAppAsync(app.Id), a => Assert.Equal(AllocationStatus.Stopped, a.DesiredStatus));
    }

    [Fact]
    public async Task Delete_DuringTheScaleDownDelay_LeavesTheSuccessfulDeploymentSuccessful_AndItsRolloutEndsCleanly()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("deldelay"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);
        await host.DeploySuccessfullyAsync(app.Id);
        var v2 = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"), Options: DeploymentsTestHost.FastOptions() with { ScaleDownDelay = TimeSpan.FromSeconds(3) }), CancellationToken.None);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(v2.Id)).Status);

        // The old instance waits out its delay; the app goes first, its retirement stopping everything.
        await host.Apps.DeleteAppAsync(app.Id, CancellationToken.None);
        using var deadline = new CancellationTokenSource(DeploymentsTestHost.DefaultTimeout);
        var rollout = await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(DeploymentService.InstanceIdFor(v2.Id), deadline.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, rollout.RuntimeStatus);
        Assert.Equal(DeploymentStatus.Successful, (await host.Deployments.GetRequiredAsync(v2.Id, CancellationToken.None)).Status);
        Assert.Empty(await host.LiveProcessesAsync());
        // The delayed stop finds nothing left to stop: no failure on the timeline of a deployment that succeeded.
        var events = await host.Deployments.EventsAsync(v2.Id, CancellationToken.None);
        Assert.Equal("succeeded", events[^1].Kind);
    }

    [Fact]
    public async Task Delete_OfAnAppWithADeploymentUnderWay_IsRefusedSayingToCancelItFirst()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("delbusy"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);
        await host.DeploySuccessfullyAsync(app.Id);
        var canary = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"), Options: DeploymentsTestHost.FastOptions(new CanaryStep(50), new CanaryStep(100))), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<CommandRefusedException>(() => host.Apps.DeleteAppAsync(app.Id, CancellationToken.None));

        Assert.Contains("cancel it first", refused.Message, StringComparison.Ordinal);
        await host.Deployments.CancelAsync(canary.Id, "alice", null, CancellationToken.None);
        Assert.Equal(DeploymentStatus.Cancelled, (await host.WaitForEndAsync(canary.Id)).Status);
        await host.Apps.DeleteAppAsync(app.Id, CancellationToken.None);
        Assert.Empty(await host.LiveProcessesAsync());
    }
}
