using Deployments.Model;
using Deployments.Service;
using Deployments.Storage;
using Deployments.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Tests;

/// <summary>
/// What a process that dies between two writes of a deployment leaves behind, written here row by row
/// exactly as the crash leaves it, and what the service must make of it: nothing stays half-done.
/// </summary>
public sealed class HalfWrittenDeploymentTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DeploymentRecordedButNeverStarted_IsStartedByTheRecoveryPass_AndSucceeds()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("orphan"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);

        var orphan = await RecordWithoutStartingAsync(host, app);

        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(orphan.Id, Bound)).Status);
        Assert.Single(await host.RunningAsync(app.Id));
    }

    [Fact]
    public async Task CancelOfADeploymentThatNeverStarted_CancelsIt()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("orphancancel"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);
        var orphan = await RecordWithoutStartingAsync(host, app);

        await host.Deployments.CancelAsync(orphan.Id, "bob", "changed my mind", CancellationToken.None);

        Assert.Equal(DeploymentStatus.Cancelled, (await host.WaitForEndAsync(orphan.Id, Bound)).Status);
    }

    [Fact]
    public async Task DeploymentSupersedingOneThatNeverStarted_DoesNotWaitBehindIt()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("orphansuper"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);
        var orphan = await RecordWithoutStartingAsync(host, app);

        var newer = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice",
            NewRevision: DeploymentsTestHost.SampleRevision("v2"), Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);

        Assert.Equal(orphan.Id, newer.Supersedes);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(newer.Id, Bound)).Status);
        Assert.Equal(DeploymentStatus.Cancelled, (await host.WaitForEndAsync(orphan.Id, Bound)).Status);
    }

    [Fact]
    public async Task DeploymentIndexedButNeverRecorded_IsRecordedStartedAndListedByTheRecoveryPass()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("unrecorded"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);
        var store = host.Services.GetRequiredService<DeploymentStore>();
        var orphan = PendingDeployment(app);

        // The crash came after the index row and before the record: listed, not yet readable by id.
        await store.IndexAsync(orphan, CancellationToken.None);

        await Polling.UntilAsync("the recovery pass to record it", token => host.Deployments.GetAsync(orphan.Id, token), Bound);
        Assert.Equal(DeploymentStatus.Successful, (await host.WaitForEndAsync(orphan.Id, Bound)).Status);
        // The list is indexed just after the record is written, so it may trail the record by a moment.
        var listed = await Polling.UntilAsync("the list to show the recorded status",
            async token => (await host.Deployments.ListAsync(new DeploymentQuery { AppId = app.Id }, token)).Deployments.Single(d => d.Id == orphan.Id).Status,
            status => status == DeploymentStatus.Successful, Bound);
        Assert.Equal(DeploymentStatus.Successful, listed);
    }

    [Fact]
    public async Task ListIndexLeftBehindItsRecord_CatchesUpWithTheRecoveryPass()
    {
        await using var host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("lagging"));
        var app = await host.CreateSampleAppAsync(await host.CreateLocalClusterAsync(), instances: 1);
        var created = await host.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice", Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
        var done = await host.WaitForEndAsync(created.Id, Bound);

        // The crash came after the record's last change and before its index row was updated.
        await host.Services.GetRequiredService<DeploymentStore>().IndexAsync(created with { Status = DeploymentStatus.Running }, CancellationToken.None);

        var listed = await Polling.UntilAsync("the list to show the recorded status",
            async token => (await host.Deployments.ListAsync(new DeploymentQuery { AppId = app.Id }, token)).Deployments.Single().Status,
            status => status == done.Status, Bound);
        Assert.Equal(DeploymentStatus.Successful, listed);
    }

    /// <summary>What creation writes before it starts the orchestration: the app's active deployment, the index row and the record.</summary>
    private static async Task<Deployment> RecordWithoutStartingAsync(DeploymentsTestHost host, App app)
    {
        var orphan = PendingDeployment(app);
        await host.Services.GetRequiredService<AppStore>().UpdateAsync(app.Id, a => a with { ActiveDeploymentId = orphan.Id }, CancellationToken.None);
        await host.Services.GetRequiredService<DeploymentStore>().CreateAsync(orphan, "alice", "Deploy (the process died before starting it)", CancellationToken.None);
        return orphan;
    }

    private static Deployment PendingDeployment(App app)
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        return new Deployment
        {
            Id = id,
            AppId = app.Id,
            Namespace = app.Namespace,
            ClusterId = app.ClusterId,
            Revision = app.CurrentRevision!.Value,
            PreviousRevision = app.CurrentRevision,
            Strategy = Strategy.Rolling,
            Options = DeploymentsTestHost.FastOptions(),
            CreatedBy = "alice",
            CreatedAt = now,
            UpdatedAt = now,
            InstanceId = DeploymentService.InstanceIdFor(id),
        };
    }
}
