using Deployments.Model;
using Deployments.Service;
using Deployments.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Tests;

public sealed class ClusterPromotionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PromoteToCluster_WithOverridesAndDeleteSource_RunsTheNewAppThenRetiresTheSource()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("tocluster"));
        var east = await host.CreateLocalClusterAsync("east");
        var west = await host.CreateLocalClusterAsync("west");
        var app = await host.CreateSampleAppAsync(east, instances: 1);
        var source = await host.DeploySuccessfullyAsync(app.Id);
        var sourceAllocations = await host.RunningAsync(app.Id);

        var result = await host.Promotions.PromoteToClusterAsync(new PromoteToClusterRequest(source.Id, west.Id, "mia", NewName: "shop-west", DeleteSource: true,
            Overrides: new RevisionOverrides(
                Environment: new Dictionary<string, EnvironmentValue> { ["VERSION"] = new("v1-west", null) },
                Groups: new Dictionary<string, int> { ["web"] = 2 })), CancellationToken.None);

        Assert.Equal(source.Id, result.SourceDeploymentId);
        Assert.NotEqual(source.Id, result.NewDeploymentId);
        Assert.Equal(west.Id, result.TargetClusterId);
        Assert.True(result.SourceDeleted);
        Assert.Contains("west", result.Message, StringComparison.Ordinal);

        var promoted = await host.WaitForEndAsync(result.NewDeploymentId);
        Assert.Equal(DeploymentStatus.Successful, promoted.Status);
        Assert.Equal(DeploymentKind.ClusterPromotion, promoted.Kind);
        Assert.Equal(west.Id, promoted.ClusterId);
        Assert.NotEqual(app.Id, promoted.AppId);
        var timeline = await host.Deployments.EventsAsync(promoted.Id, CancellationToken.None);
        Assert.Equal(DeploymentStatus.Promoting, timeline[0].To);
        Assert.Contains(timeline, e => e.From == DeploymentStatus.Promoting && e.To == DeploymentStatus.Running);
        Assert.Equal(DeploymentStatus.Successful, timeline[^1].To);

        var newApp = await host.AppAsync(promoted.AppId);
        Assert.Equal("shop-west", newApp!.Name);
        Assert.Equal(west.Id, newApp.ClusterId);
        Assert.Equal(2, newApp.Groups["web"]);
        var running = await host.RunningAsync(newApp.Id);
        Assert.Equal(2, running.Count);
        foreach (var allocation in running)
        {
            Assert.Equal("v1-west", await DeploymentsTestHostExtensions.SampleVersionAsync(allocation));
        }

        await Polling.UntilAsync("the source app to be deleted", async _ => await host.AppAsync(app.Id) is null ? "deleted" : null, DeploymentsTestHost.DefaultTimeout);
        Assert.All(await host.AllocationsOfAppAsync(app.Id), a => Assert.Equal(AllocationStatus.Stopped, a.DesiredStatus));
        var live = await host.LiveProcessesAsync();
        Assert.DoesNotContain(live, id => sourceAllocations.Any(a => a.Id.ToString("N") == id));
        Assert.All(running, a => Assert.Contains(a.Id.ToString("N"), live));
        Assert.Contains(await host.Deployments.EventsAsync(source.Id, CancellationToken.None),
            e => e.Kind == "promoted-to-cluster" && e.Actor == "mia" && e.Message.Contains(promoted.Id.ToString("N"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task PromoteToCluster_WithoutDeleteSource_KeepsTheSourceRunning()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("keepsource"));
        var east = await host.CreateLocalClusterAsync("east");
        var west = await host.CreateLocalClusterAsync("west");
        var app = await host.CreateSampleAppAsync(east, instances: 1);
        var source = await host.DeploySuccessfullyAsync(app.Id);
        var sourceAllocations = await host.RunningAsync(app.Id);

        var result = await host.Promotions.PromoteToClusterAsync(new PromoteToClusterRequest(source.Id, west.Id, "mia"), CancellationToken.None);

        Assert.False(result.SourceDeleted);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(result.NewDeploymentId)).Status);
        var newApp = await host.AppAsync((await host.Deployments.GetRequiredAsync(result.NewDeploymentId, CancellationToken.None)).AppId);
        Assert.Equal("shop-west", newApp!.Name);
        Assert.NotNull(await host.AppAsync(app.Id));
        Assert.Equal(sourceAllocations.Select(a => a.Id), (await host.RunningAsync(app.Id)).Select(a => a.Id));
        var live = await host.LiveProcessesAsync();
        Assert.All(sourceAllocations, a => Assert.Contains(a.Id.ToString("N"), live));
        Assert.Single(await host.RunningAsync(newApp.Id));
    }

    [Fact]
    public async Task PromoteToCluster_WithDeleteSource_KeepsTheSourceWhenThePromotedDeploymentFails()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("keeponfail"));
        var east = await host.CreateLocalClusterAsync("east");
        var west = await host.CreateLocalClusterAsync("west");
        var app = await host.CreateSampleAppAsync(east, instances: 1);
        var started = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice",
            Options: DeploymentsTestHost.FastOptions() with { HealthyDeadline = TimeSpan.FromSeconds(4) }), CancellationToken.None);
        var source = await host.WaitForEndAsync(started.Id);
        Assert.Equal(DeploymentStatus.Successful, source.Status);
        var sourceAllocations = await host.RunningAsync(app.Id);

        var result = await host.Promotions.PromoteToClusterAsync(new PromoteToClusterRequest(source.Id, west.Id, "mia", DeleteSource: true,
            Overrides: new RevisionOverrides(Environment: new Dictionary<string, EnvironmentValue> { ["FAIL_HEALTH"] = new("true", null) })), CancellationToken.None);

        Assert.Equal(DeploymentStatus.Failed, (await host.WaitForEndAsync(result.NewDeploymentId)).Status);
        using var deadline = new CancellationTokenSource(DeploymentsTestHost.DefaultTimeout);
        var retire = await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(
            $"retire-{app.Id:N}-{result.NewDeploymentId:N}", getInputsAndOutputs: true, deadline.Token);
        Assert.False(retire.ReadOutputAs<bool>());
        Assert.NotNull(await host.AppAsync(app.Id));
        Assert.Equal(sourceAllocations.Select(a => a.Id), (await host.RunningAsync(app.Id)).Select(a => a.Id));
        var live = await host.LiveProcessesAsync();
        Assert.All(sourceAllocations, a => Assert.Contains(a.Id.ToString("N"), live));
    }
}
