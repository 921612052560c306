using Deployments.Model;
using Deployments.Service;
using Deployments.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Tests;

public sealed class CanaryRolloutTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Canary_OfThreeTimedSteps_ReplacesEveryInstanceWithTheNewRevisionAndReportsItPromoted()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("canary"));
        var cluster = await host.CreateLocalClusterAsync();
        var app = await host.CreateSampleAppAsync(cluster, instances: 3);
        var first = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice", Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(first.Id)).Status);

        var canary = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"),
            Options: DeploymentsTestHost.FastOptions(new CanaryStep(33, TimeSpan.Zero), new CanaryStep(66, TimeSpan.Zero), new CanaryStep(100))), CancellationToken.None);
        var done = await host.WaitForEndAsync(canary.Id);

        Assert.Equal(DeploymentStatus.Successful, done.Status);
        Assert.Equal(StatusDescriptions.Successful, done.StatusDescription);
        Assert.Equal(3, done.CurrentStep);
        Assert.True(done.Groups["web"].Promoted, "a canary that went through its timed pauses is promoted");
        var running = await host.RunningAsync(app.Id);
        Assert.Equal(3, running.Count);
        Assert.All(running, a => Assert.Equal(2, a.Revision));
        var updated = await host.Services.GetService<Storage.AppStore>()!.GetAsync(app.Id, CancellationToken.None);
        Assert.Equal(2, updated!.StableRevision);
        var timeline = await host.Deployments.EventsAsync(canary.Id, CancellationToken.None);
        Assert.Equal(3, timeline.Count(e => e.Kind == "step"));
        Assert.Equal("created", timeline[0].Kind);
        Assert.Equal("succeeded", timeline[^1].Kind);
    }
}
