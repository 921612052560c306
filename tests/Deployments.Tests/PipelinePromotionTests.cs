using Deployments.Model;
using Deployments.Refusals;
using Deployments.Tests.Infrastructure;
using TestSupport;

namespace Deployments.Tests;

public sealed class PipelinePromotionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PipelinePromote_ToThreeTargetsWithOneGone_DeploysTheOtherTwoAndReportsTheFailure()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("pipeline"));
        var cluster = await host.CreateLocalClusterAsync();
        var dev = await host.CreateSampleAppAsync(cluster, instances: 1, name: "shop-dev");
        var eu = await host.CreateSampleAppAsync(cluster, instances: 1, name: "shop-eu");
        var us = await host.CreateSampleAppAsync(cluster, instances: 2, name: "shop-us");
        var asia = await host.CreateSampleAppAsync(cluster, instances: 1, name: "shop-asia");
        var pipeline = await host.Pipelines.CreatePipelineAsync("release", null, [[dev.Id], [eu.Id, us.Id, asia.Id]], CancellationToken.None);
        var source = await host.DeploySuccessfullyAsync(dev.Id, DeploymentsTestHost.SampleRevision("v2"));
        // The pipeline still names the app, but it no longer exists: the service cannot deploy to it.
        await host.Apps.DeleteAppAsync(asia.Id, CancellationToken.None);

        var result = await host.Promotions.PromotePipelineAsync(pipeline.Id, dev.Id, null, "pat", CancellationToken.None);

        Assert.Equal(source.Id, result.SourceDeploymentId);
        Assert.Equal([eu.Id, us.Id, asia.Id], result.Targets.Select(t => t.AppId));
        var failed = result.Targets.Single(t => t.AppId == asia.Id);
        Assert.Null(failed.DeploymentId);
        Assert.Contains(asia.Id.ToString(), failed.Error, StringComparison.Ordinal);
        foreach (var target in result.Targets.Where(t => t.AppId != asia.Id))
        {
            Assert.Null(target.Error);
            var done = await host.WaitForEndAsync(target.DeploymentId!.Value);
            Assert.Equal(DeploymentStatus.Successful, done.Status);
            Assert.Equal(target.AppId, done.AppId);
            var running = await host.RunningAsync(target.AppId);
            Assert.Equal(target.AppId == us.Id ? 2 : 1, running.Count);
            foreach (var allocation in running)
            {
                Assert.Equal("v2", await DeploymentsTestHostExtensions.SampleVersionAsync(allocation));
            }
        }

        var recorded = Assert.Single(await host.Deployments.EventsAsync(source.Id, CancellationToken.None), e => e.Kind == "pipeline-promotion");
        Assert.Equal("pat", recorded.Actor);
        Assert.Contains($"{asia.Id:N}: failed", recorded.Message, StringComparison.Ordinal);
        foreach (var target in result.Targets.Where(t => t.DeploymentId is not null))
        {
            Assert.Contains($"{target.AppId:N}: deployment {target.DeploymentId:N}", recorded.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PipelinePromote_WithoutASuccessfulSourceDeployment_IsRefused()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("pipenone"));
        var cluster = await host.CreateLocalClusterAsync();
        var dev = await host.CreateSampleAppAsync(cluster, instances: 1, name: "shop-dev");
        var prod = await host.CreateSampleAppAsync(cluster, instances: 1, name: "shop-prod");
        var pipeline = await host.Pipelines.CreatePipelineAsync("release", null, [[dev.Id], [prod.Id]], CancellationToken.None);

        var refusal = await Assert.ThrowsAsync<CommandRefusedException>(() => host.Promotions.PromotePipelineAsync(pipeline.Id, dev.Id, null, "pat", CancellationToken.None));

        Assert.Contains("shop-dev", refusal.Message, StringComparison.Ordinal);
        Assert.Empty((await host.Deployments.ListAsync(new Storage.DeploymentQuery { AppId = prod.Id }, CancellationToken.None)).Deployments);
    }
}
