using Deployments.Model;
using Deployments.Service;
using Deployments.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Tests;

public sealed class FailureAndRollbackTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FailingRevision_WithAutoRevert_FailsAndRollsBackToTheStableRevision()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("revert"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        var first = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice", Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(first.Id)).Status);

        var bad = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2", failHealth: true),
            Options: DeploymentsTestHost.FastOptions() with { AutoRevert = true, MaxInFlight = 1, HealthyDeadline = TimeSpan.FromSeconds(4) }), CancellationToken.None);
        var failed = await host.WaitForEndAsync(bad.Id);

        Assert.Equal(DeploymentStatus.Failed, failed.Status);
        Assert.Equal($"{StatusDescriptions.FailedUnhealthy} - rolling back to revision 1", failed.StatusDescription);
        var rollback = await host.WaitForRollbackAsync(app.Id);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(rollback.Id)).Status);
        var running = await host.RunningAsync(app.Id);
        Assert.Equal(2, running.Count);
        Assert.All(running, a => Assert.Equal(1, a.Revision));
    }

    [Fact]
    public async Task ManualRollback_ToAnOlderRevision_RunsThatRevisionAtFullScale()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("rollback"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        foreach (var version in new[] { "v1", "v2", "v3" })
        {
            var deployment = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice",
                NewRevision: version == "v1" ? null : DeploymentsTestHost.SampleRevision(version), Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
            Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(deployment.Id)).Status);
        }

        var rollback = await host.Rollbacks.RollbackAsync(new RollbackCommand(app.Id, 1, "dave", "bad release"), CancellationToken.None);
        var done = await host.WaitForEndAsync(rollback.Id);

        Assert.Equal(DeploymentStatus.Successful, done.Status);
        Assert.Equal(DeploymentKind.Rollback, done.Kind);
        Assert.Equal(3, done.PreviousRevision);
        Assert.All(await host.RunningAsync(app.Id), a => Assert.Equal(1, a.Revision));
    }

    [Fact]
    public async Task Rollback_InsideTheScaleDownDelay_ReusesTheOldInstances()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("instant"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        var first = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice", Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
        await host.WaitForEndAsync(first.Id);
        var v1 = (await host.RunningAsync(app.Id)).Select(a => a.Id).ToHashSet();

        var second = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"), Options: DeploymentsTestHost.FastOptions() with { ScaleDownDelay = TimeSpan.FromMinutes(5) }), CancellationToken.None);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(second.Id)).Status);
        Assert.Equal(4, (await host.RunningAsync(app.Id)).Count);

        var rollback = await host.Rollbacks.RollbackAsync(new RollbackCommand(app.Id, null, "erin"), CancellationToken.None);
        Assert.True(rollback.Instant);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(rollback.Id)).Status);

        var running = await host.RunningAsync(app.Id);
        Assert.Equal(v1, running.Select(a => a.Id).ToHashSet());
    }

    [Fact]
    public async Task Cancel_RestoresThePreviousRevisionAndRemovesTheNewInstances()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("cancel"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        var first = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice", Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
        await host.WaitForEndAsync(first.Id);

        var canary = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"), Options: DeploymentsTestHost.FastOptions(new CanaryStep(50), new CanaryStep(100))), CancellationToken.None);
        await host.WaitForAsync(canary.Id, d => d.StatusDescription.StartsWith(StatusDescriptions.RequiresPromotion, StringComparison.Ordinal));
        await host.Deployments.CancelAsync(canary.Id, "frank", "wrong build", CancellationToken.None);
        var cancelled = await host.WaitForEndAsync(canary.Id);

        Assert.Equal(DeploymentStatus.Cancelled, cancelled.Status);
        Assert.Equal(StatusDescriptions.CancelledByUser, cancelled.StatusDescription);
        var running = await host.RunningAsync(app.Id);
        Assert.Equal(2, running.Count);
        Assert.All(running, a => Assert.Equal(1, a.Revision));
    }

    [Fact]
    public async Task NewDeployment_SupersedesTheActiveOne()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("supersede"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 2);
        var canary = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            Options: DeploymentsTestHost.FastOptions(new CanaryStep(50), new CanaryStep(100))), CancellationToken.None);
        await host.WaitForAsync(canary.Id, d => d.StatusDescription.StartsWith(StatusDescriptions.RequiresPromotion, StringComparison.Ordinal));

        var newer = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "grace",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"), Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);

        var superseded = await host.WaitForEndAsync(canary.Id);
        Assert.Equal(DeploymentStatus.Cancelled, superseded.Status);
        Assert.Equal(StatusDescriptions.CancelledNewer, superseded.StatusDescription);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(newer.Id)).Status);
        var running = await host.RunningAsync(app.Id);
        Assert.Equal(2, running.Count);
        Assert.All(running, a => Assert.Equal(2, a.Revision));
    }
}
