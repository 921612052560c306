using Deployments.Model;
using Deployments.Service;
using Deployments.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Tests;

/// <summary>Supersede and cancel in sequence, on real processes: what runs at the end is exactly one intended revision.</summary>
public sealed class SupersedeAndCancelTests(AzuriteFixture azurite)
{
    private static readonly DeploymentOptions WaitingCanary = DeploymentsTestHost.FastOptions(new CanaryStep(50), new CanaryStep(100));

    [Fact]
    public async Task Cancel_OfADeploymentThatSupersededACanary_LeavesOnlyTheStableRevisionRunning()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("supcancel"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        await host.DeploySuccessfullyAsync(app.Id);
        var canary = await StartWaitingCanaryAsync(host, app.Id, "v2");

        var newer = await StartWaitingCanaryAsync(host, app.Id, "v3");
        Assert.Equal(StatusDescriptions.CancelledNewer, (await host.WaitForEndAsync(canary.Id)).StatusDescription);
        await host.Deployments.CancelAsync(newer.Id, "frank", "both are wrong", CancellationToken.None);
        Assert.Equal(DeploymentStatus.Cancelled, (await host.WaitForEndAsync(newer.Id)).Status);

        await AssertOnlyRunsAsync(host, app.Id, revision: 1, count: 2);
    }

    [Fact]
    public async Task Supersede_OfACanaryByARollingDeployment_LeavesOnlyTheNewestRevisionRunning()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("supnewest"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        await host.DeploySuccessfullyAsync(app.Id);
        var canary = await StartWaitingCanaryAsync(host, app.Id, "v2");

        var newer = await host.DeploySuccessfullyAsync(app.Id, DeploymentsTestHost.SampleRevision("v3"));

        Assert.Equal(DeploymentStatus.Cancelled, (await host.WaitForEndAsync(canary.Id)).Status);
        await AssertOnlyRunsAsync(host, app.Id, revision: newer.Revision, count: 2);
    }

    private static async Task<Deployment> StartWaitingCanaryAsync(DeploymentsTestHost host, Guid appId, string version)
    {
        var canary = await host.Deployments.CreateAsync(new CreateDeploymentRequest(appId, Strategy.Canary, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision(version), Options: WaitingCanary), CancellationToken.None);
        return await host.WaitForAsync(canary.Id, d => d.StatusDescription.StartsWith(StatusDescriptions.RequiresPromotion, StringComparison.Ordinal));
    }

    /// <summary>The records and the processes agree: this many instances, all of the revision, and no other process.</summary>
    private static async Task AssertOnlyRunsAsync(DeploymentsTestHost host, Guid appId, int revision, int count)
    {
        var running = await host.RunningAsync(appId);
        Assert.Equal(count, running.Count);
        Assert.All(running, a => Assert.Equal(revision, a.Revision));
        var live = await Polling.UntilAsync("only the intended instances' processes", async _ =>
            await host.LiveProcessesAsync(), processes => processes.SetEquals(running.Select(a => a.Id.ToString("N"))), DeploymentsTestHost.DefaultTimeout);
        Assert.Equal(count, live.Count);
    }
}
