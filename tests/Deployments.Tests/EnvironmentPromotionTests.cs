using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Service;
using Deployments.Storage;
using Deployments.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Tests;

public sealed class EnvironmentPromotionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PromoteToEnvironment_MakesTheDeploymentLive_AndScalesDownThePreviousOne()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("envscale"));
        var (blue, green) = await TwoLiveCandidatesAsync(host);

        var first = await host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", blue.Id, scaleDownPrevious: true, "nina", CancellationToken.None);
        Assert.False(first.AwaitingApproval);
        Assert.Null(first.PreviousDeploymentId);
        Assert.Equal(blue.Id, (await EnvironmentAsync(host)).LiveDeploymentId);

        var second = await host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", green.Id, scaleDownPrevious: true, "nina", CancellationToken.None);

        Assert.Equal(blue.Id, second.PreviousDeploymentId);
        Assert.True(second.ScaledDownPrevious);
        Assert.Equal(green.Id, (await EnvironmentAsync(host)).LiveDeploymentId);
        var blueInstances = await host.AllocationsOfAppAsync(blue.AppId);
        await Polling.UntilAsync("the previous live deployment's instances to stop", async _ =>
            (await host.RunningAsync(blue.AppId)).Count == 0 ? "stopped" : null, DeploymentsTestHost.DefaultTimeout);
        var live = await host.LiveProcessesAsync();
        Assert.All(blueInstances, a => Assert.DoesNotContain(a.Id.ToString("N"), live));
        Assert.Single(await host.RunningAsync(green.AppId));
        Assert.Contains(await host.Deployments.EventsAsync(green.Id, CancellationToken.None), e => e.Kind == "promoted-to-environment" && e.Actor == "nina");
        Assert.Contains(await host.Deployments.EventsAsync(blue.Id, CancellationToken.None), e => e.Kind == "replaced-in-environment");
    }

    [Fact]
    public async Task EnvironmentPromotionStep_RunTwice_WritesEachTimelineEntryOnce()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("envonce"));
        var (blue, green) = await TwoLiveCandidatesAsync(host);
        await host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", blue.Id, scaleDownPrevious: false, "nina", CancellationToken.None);
        var promotion = new EnvironmentPromotion(Guid.NewGuid(), Names.DefaultNamespace, "prod", green.Id, ScaleDownPrevious: true, "nina", Expiry: null);

        // An activity runs at least once: the second run is the same step finding its own writes.
        await host.Promotions.ApplyEnvironmentPromotionAsync(promotion, CancellationToken.None);
        await host.Promotions.ApplyEnvironmentPromotionAsync(promotion, CancellationToken.None);

        Assert.Single(await host.Deployments.EventsAsync(green.Id, CancellationToken.None), e => e.Kind == "promoted-to-environment");
        Assert.Single(await host.Deployments.EventsAsync(blue.Id, CancellationToken.None), e => e.Kind == "replaced-in-environment");
    }

    [Fact]
    public async Task PromoteToEnvironment_WithoutScaleDown_KeepsThePreviousInstancesRunning()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("envkeep"));
        var (blue, green) = await TwoLiveCandidatesAsync(host);
        await host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", blue.Id, scaleDownPrevious: true, "nina", CancellationToken.None);
        var blueInstances = await host.RunningAsync(blue.AppId);

        var result = await host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", green.Id, scaleDownPrevious: false, "nina", CancellationToken.None);

        Assert.Equal(blue.Id, result.PreviousDeploymentId);
        Assert.False(result.ScaledDownPrevious);
        Assert.Equal(green.Id, (await EnvironmentAsync(host)).LiveDeploymentId);
        Assert.Equal(blueInstances.Select(a => a.Id), (await host.RunningAsync(blue.AppId)).Select(a => a.Id));
        var live = await host.LiveProcessesAsync();
        Assert.All(blueInstances, a => Assert.Contains(a.Id.ToString("N"), live));
    }

    [Fact]
    public async Task PromoteToEnvironment_OfADeploymentThatIsNotSuccessful_IsRefused()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("envrefuse"));
        var cluster = await host.CreateLocalClusterAsync();
        await host.Environments.CreateEnvironmentAsync("prod", null, cluster.Id, 1, requiresApproval: false, null, CancellationToken.None);
        var app = await host.CreateSampleAppAsync(cluster, instances: 2);
        var canary = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
            Options: DeploymentsTestHost.FastOptions(new CanaryStep(50), new CanaryStep(100))), CancellationToken.None);
        await host.WaitForAsync(canary.Id, d => d.StatusDescription.StartsWith(StatusDescriptions.RequiresPromotion, StringComparison.Ordinal));

        var refusal = await Assert.ThrowsAsync<CommandRefusedException>(() =>
            host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", canary.Id, scaleDownPrevious: true, "nina", CancellationToken.None));

        Assert.Contains("running", refusal.Message, StringComparison.Ordinal);
        Assert.Null((await EnvironmentAsync(host)).LiveDeploymentId);
        await host.Deployments.CancelAsync(canary.Id, "nina", "test over", CancellationToken.None);
        Assert.Equal(DeploymentStatus.Cancelled, (await host.WaitForEndAsync(canary.Id)).Status);
        await Assert.ThrowsAsync<CommandRefusedException>(() =>
            host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", canary.Id, scaleDownPrevious: true, "nina", CancellationToken.None));
    }

    /// <summary>An environment "prod" and two apps on one cluster, each with a successful deployment that could go live.</summary>
    private static async Task<(Deployment Blue, Deployment Green)> TwoLiveCandidatesAsync(DeploymentsTestHost host)
    {
        var cluster = await host.CreateLocalClusterAsync();
        await host.Environments.CreateEnvironmentAsync("prod", null, cluster.Id, 1, requiresApproval: false, null, CancellationToken.None);
        var blue = await host.CreateSampleAppAsync(cluster, instances: 1, name: "shop-blue");
        var green = await host.CreateSampleAppAsync(cluster, instances: 1, name: "shop-green", version: "v2");
        return (await host.DeploySuccessfullyAsync(blue.Id), await host.DeploySuccessfullyAsync(green.Id));
    }

    private static async Task<EnvironmentDefinition> EnvironmentAsync(DeploymentsTestHost host) =>
        (await host.Services.GetRequiredService<CatalogStore>().GetEnvironmentAsync(Names.DefaultNamespace, "prod", CancellationToken.None))!;
}
