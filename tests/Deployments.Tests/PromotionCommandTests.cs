using Deployments.Model;
using Deployments.Refusals;
using Deployments.Service;
using Deployments.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Tests;

public sealed class PromotionCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Promote_WhenCanariesUnhealthy_IsRefusedNamingTheGroup()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("refuse"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        var options = DeploymentsTestHost.FastOptions(new CanaryStep(50), new CanaryStep(100)) with { HealthyDeadline = TimeSpan.FromMinutes(2), ProgressDeadline = TimeSpan.FromMinutes(2) };
        var canary = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2", failHealth: true), Options: options), CancellationToken.None);
        await host.WaitForAsync(canary.Id, d => d.Groups.TryGetValue("web", out var web) && web.Placed == 1);

        var refusal = await Assert.ThrowsAsync<CommandRefusedException>(() => host.Deployments.PromoteAsync(canary.Id, null, "bob", CancellationToken.None));

        Assert.Equal("Group web has 0/1 healthy allocations.", refusal.Message);
        await host.Deployments.CancelAsync(canary.Id, "bob", "test over", CancellationToken.None);
        Assert.Equal(DeploymentStatus.Cancelled, (await host.WaitForEndAsync(canary.Id)).Status);
    }

    [Fact]
    public async Task ManualCanary_WaitsForPromotion_ThenFinishesTheRollout()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("manual"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        var canary = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            Options: DeploymentsTestHost.FastOptions(new CanaryStep(50), new CanaryStep(100))), CancellationToken.None);

        var waiting = await host.WaitForAsync(canary.Id, d => d.StatusDescription.StartsWith(StatusDescriptions.RequiresPromotion, StringComparison.Ordinal));
        Assert.Equal(DeploymentStatus.Running, waiting.Status);
        Assert.Equal(1, waiting.Groups["web"].Canaries);

        await host.Deployments.PromoteAsync(canary.Id, ["web"], "bob", CancellationToken.None);
        var done = await host.WaitForEndAsync(canary.Id);

        Assert.Equal(DeploymentStatus.Successful, done.Status);
        Assert.True(done.Groups["web"].Promoted);
        Assert.Equal(2, (await host.RunningAsync(app.Id)).Count);
        var timeline = await host.Deployments.EventsAsync(canary.Id, CancellationToken.None);
        Assert.Contains(timeline, e => e.Kind == "promote" && e.Actor == "bob");
    }

    [Fact]
    public async Task PauseAndResume_HoldTheRolloutAndRecordTheActor()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("pause"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        var canary = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            Options: DeploymentsTestHost.FastOptions(new CanaryStep(50), new CanaryStep(100))), CancellationToken.None);
        await host.WaitForAsync(canary.Id, d => d.StatusDescription.StartsWith(StatusDescriptions.RequiresPromotion, StringComparison.Ordinal));

        var paused = await host.Deployments.PauseAsync(canary.Id, true, "carol", CancellationToken.None);
        Assert.Equal(DeploymentStatus.Paused, paused.Status);
        await Assert.ThrowsAsync<CommandRefusedException>(() => host.Deployments.ContinueAsync(canary.Id, "carol", CancellationToken.None));

        var resumed = await host.Deployments.PauseAsync(canary.Id, false, "carol", CancellationToken.None);
        Assert.Equal(DeploymentStatus.Running, resumed.Status);
        await host.Deployments.ContinueAsync(canary.Id, "carol", CancellationToken.None);

        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(canary.Id)).Status);
        var timeline = await host.Deployments.EventsAsync(canary.Id, CancellationToken.None);
        Assert.Contains(timeline, e => e.Kind == "paused" && e.Actor == "carol" && e.To == DeploymentStatus.Paused);
        Assert.Contains(timeline, e => e.Kind == "resumed" && e.Actor == "carol" && e.To == DeploymentStatus.Running);
    }
}
