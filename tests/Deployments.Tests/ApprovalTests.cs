using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;
using Deployments.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Tests;

public sealed class ApprovalTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PromotionIntoAnEnvironmentRequiringApproval_WaitsForApprove_ThenGoesLive()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("approve"));
        var deployment = await SuccessfulDeploymentAsync(host, approvalExpiry: null);

        var result = await host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", deployment.Id, scaleDownPrevious: true, "nina", CancellationToken.None);

        Assert.True(result.AwaitingApproval);
        Assert.Equal("prod", (await host.Deployments.GetRequiredAsync(deployment.Id, CancellationToken.None)).AwaitingApprovalFor);
        var waiting = await host.WaitForEventAsync(deployment.Id, "awaiting-approval");
        Assert.Contains(waiting, e => e.Kind == "awaiting-approval" && e.Actor == "nina");
        Assert.Null((await EnvironmentAsync(host)).LiveDeploymentId);
        await Assert.ThrowsAsync<CommandRefusedException>(() =>
            host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", deployment.Id, scaleDownPrevious: true, "nina", CancellationToken.None));

        await host.Promotions.DecideApprovalAsync(deployment.Id, approve: true, "omar", "looks good", CancellationToken.None);

        await Polling.UntilAsync("the deployment to go live in prod", async _ =>
            (await EnvironmentAsync(host)).LiveDeploymentId == deployment.Id ? "live" : null, DeploymentsTestHost.DefaultTimeout);
        var timeline = await host.WaitForEventAsync(deployment.Id, "promoted-to-environment");
        Assert.Contains(timeline, e => e.Kind == "approved" && e.Actor == "omar");
        Assert.Null((await host.Deployments.GetRequiredAsync(deployment.Id, CancellationToken.None)).AwaitingApprovalFor);
    }

    [Fact]
    public async Task PromotionIntoAnEnvironmentRequiringApproval_WhenRejected_DoesNotGoLive()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("reject"));
        var deployment = await SuccessfulDeploymentAsync(host, approvalExpiry: null);
        await host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", deployment.Id, scaleDownPrevious: true, "nina", CancellationToken.None);

        await host.Promotions.DecideApprovalAsync(deployment.Id, approve: false, "omar", "not during the sale", CancellationToken.None);

        var timeline = await host.WaitForEventAsync(deployment.Id, "rejected");
        var rejected = timeline.Single(e => e.Kind == "rejected");
        Assert.Equal("omar", rejected.Actor);
        Assert.Contains("not during the sale", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(timeline, e => e.Kind == "promoted-to-environment");
        Assert.Null((await EnvironmentAsync(host)).LiveDeploymentId);
        Assert.Null((await host.Deployments.GetRequiredAsync(deployment.Id, CancellationToken.None)).AwaitingApprovalFor);
        await Assert.ThrowsAsync<CommandRefusedException>(() => host.Promotions.DecideApprovalAsync(deployment.Id, approve: true, "omar", null, CancellationToken.None));
    }

    [Fact]
    public async Task PromotionAfterARejection_WaitsForApprovalAgain()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("again"));
        var deployment = await SuccessfulDeploymentAsync(host, approvalExpiry: null);
        await host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", deployment.Id, scaleDownPrevious: true, "nina", CancellationToken.None);
        await host.Promotions.DecideApprovalAsync(deployment.Id, approve: false, "omar", "not during the sale", CancellationToken.None);
        await host.WaitForEventAsync(deployment.Id, "rejected");

        var again = await host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", deployment.Id, scaleDownPrevious: true, "nina", CancellationToken.None);

        Assert.True(again.AwaitingApproval);
        Assert.Equal("prod", (await host.Deployments.GetRequiredAsync(deployment.Id, CancellationToken.None)).AwaitingApprovalFor);
        await host.Promotions.DecideApprovalAsync(deployment.Id, approve: true, "omar", "sale is over", CancellationToken.None);
        await Polling.UntilAsync("the deployment to go live in prod", async _ =>
            (await EnvironmentAsync(host)).LiveDeploymentId == deployment.Id ? "live" : null, DeploymentsTestHost.DefaultTimeout);
        var timeline = await host.Deployments.EventsAsync(deployment.Id, CancellationToken.None);
        Assert.Equal(2, timeline.Count(e => e.Kind == "awaiting-approval"));
    }

    [Fact]
    public async Task PromotionIntoAnEnvironmentRequiringApproval_WithoutADecisionBeforeTheExpiry_DoesNotGoLive()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("expiry"));
        var deployment = await SuccessfulDeploymentAsync(host, approvalExpiry: TimeSpan.FromSeconds(2));

        await host.Promotions.PromoteToEnvironmentAsync(Names.DefaultNamespace, "prod", deployment.Id, scaleDownPrevious: true, "nina", CancellationToken.None);

        var timeline = await host.WaitForEventAsync(deployment.Id, "approval-expired");
        Assert.DoesNotContain(timeline, e => e.Kind is "approved" or "promoted-to-environment");
        Assert.Null((await EnvironmentAsync(host)).LiveDeploymentId);
        Assert.Null((await host.Deployments.GetRequiredAsync(deployment.Id, CancellationToken.None)).AwaitingApprovalFor);
        await Assert.ThrowsAsync<CommandRefusedException>(() => host.Promotions.DecideApprovalAsync(deployment.Id, approve: true, "omar", null, CancellationToken.None));
    }

    /// <summary>An environment "prod" that requires approval, and a successful deployment of an app on its cluster.</summary>
    private static async Task<Deployment> SuccessfulDeploymentAsync(DeploymentsTestHost host, TimeSpan? approvalExpiry)
    {
        var cluster = await host.CreateLocalClusterAsync();
        await host.Environments.CreateEnvironmentAsync("prod", null, cluster.Id, 1, requiresApproval: true, approvalExpiry, CancellationToken.None);
        var app = await host.CreateSampleAppAsync(cluster, instances: 1);
        return await host.DeploySuccessfullyAsync(app.Id);
    }

    private static async Task<EnvironmentDefinition> EnvironmentAsync(DeploymentsTestHost host) =>
        (await host.Services.GetRequiredService<CatalogStore>().GetEnvironmentAsync(Names.DefaultNamespace, "prod", CancellationToken.None))!;
}
