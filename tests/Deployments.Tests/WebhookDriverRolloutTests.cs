using Deployments.Model;
using Deployments.Service;
using Deployments.Tests.Infrastructure;
using StubPlatform;
using TestSupport;

namespace Deployments.Tests;

public sealed class WebhookDriverRolloutTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CanaryOnAWebhookCluster_SucceedsWithHealthFromThePlatformsHealthUrl()
    {
        await using var platform = new StubPlatformServer(new StubPlatformOptions { HealthyAfter = TimeSpan.FromMilliseconds(500) });
        await platform.StartAsync();
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("webhook"));
        var app = await host.CreateSampleAppAsync(await WebhookClusterAsync(host, platform, platform.Secret), instances: 3);
        await host.DeploySuccessfullyAsync(app.Id);

        var canary = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"),
            Options: DeploymentsTestHost.FastOptions(new CanaryStep(33, TimeSpan.Zero), new CanaryStep(66, TimeSpan.Zero), new CanaryStep(100))), CancellationToken.None);
        var done = await host.WaitForEndAsync(canary.Id);

        Assert.Equal(DeploymentStatus.Successful, done.Status);
        Assert.Equal(3, done.CurrentStep);
        var running = await host.RunningAsync(app.Id);
        Assert.Equal(3, running.Count);
        Assert.All(running, a =>
        {
            Assert.Equal(2, a.Revision);
            Assert.Equal(AllocationHealth.Healthy, a.Health);
            Assert.Equal($"{platform.BaseUrl}/allocations/{a.Id:N}/health", a.HealthUrl);
        });
        var onPlatform = platform.Allocations;
        Assert.Equal(running.Select(a => a.Id.ToString("N")).Order(), onPlatform.Select(a => a.AllocationId).Order());
        Assert.All(onPlatform, a => Assert.Equal("v2", a.Environment["VERSION"]));
        Assert.Equal(0, platform.Counters.RejectedSignatures);
    }

    [Fact]
    public async Task FailingRevisionOnAWebhookCluster_FailsOnThePlatformsHealthAndRollsBack()
    {
        await using var platform = new StubPlatformServer();
        await platform.StartAsync();
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("webhookbad"));
        var app = await host.CreateSampleAppAsync(await WebhookClusterAsync(host, platform, platform.Secret), instances: 2);
        await host.DeploySuccessfullyAsync(app.Id);

        var bad = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2", failHealth: true),
            Options: DeploymentsTestHost.FastOptions(new CanaryStep(50), new CanaryStep(100)) with { AutoRevert = true, HealthyDeadline = TimeSpan.FromSeconds(4) }), CancellationToken.None);
        var failed = await host.WaitForEndAsync(bad.Id);

        Assert.Equal(DeploymentStatus.Failed, failed.Status);
        Assert.Equal(StatusDescriptions.RollingBack(StatusDescriptions.FailedUnhealthy, 1), failed.StatusDescription);
        var rollback = await host.WaitForRollbackAsync(app.Id);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(rollback.Id)).Status);
        var onPlatform = platform.Allocations;
        Assert.Equal(2, onPlatform.Count);
        Assert.All(onPlatform, a => Assert.Equal(1, a.Revision));
    }

    [Fact]
    public async Task WebhookPlatform_RejectingTheSignature_FailsTheDeploymentWithTheReason()
    {
        await using var platform = new StubPlatformServer();
        await platform.StartAsync();
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("webhooksecret"));
        var app = await host.CreateSampleAppAsync(await WebhookClusterAsync(host, platform, "not-the-platforms-secret"), instances: 1);

        var deployment = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice", Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
        var done = await host.WaitForEndAsync(deployment.Id);

        Assert.Equal(DeploymentStatus.Failed, done.Status);
        Assert.Equal(StatusDescriptions.FailedStepError, done.StatusDescription);
        var failed = Assert.Single(await host.Deployments.EventsAsync(deployment.Id, CancellationToken.None), e => e.Kind == "failed");
        Assert.Contains("secret", failed.Message, StringComparison.Ordinal);
        Assert.Empty(platform.Allocations);
        Assert.True(platform.Counters.RejectedSignatures > 0);
    }

    private static Task<Cluster> WebhookClusterAsync(DeploymentsTestHost host, StubPlatformServer platform, string secret) =>
        host.Clusters.CreateClusterAsync("edge", "eu-west", ClusterKind.Shared, "webhook",
            new Dictionary<string, string> { ["endpoint"] = platform.BaseUrl, ["secret"] = secret }, CancellationToken.None);
}
