using System.Diagnostics.Metrics;
using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Orchestrations.Activities;
using Deployments.Rules;
using Deployments.Storage;
using Deployments.Telemetry;
using Deployments.Tests.Infrastructure;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using TestSupport;

namespace Deployments.Tests.Telemetry;

/// <summary>
/// deployments.started and deployments.finished count each deployment once although activities run at least once:
/// the real activity against Azurite, run again as the Durable Task Framework may run it.
/// </summary>
public sealed class FinishedCountTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DeploymentsTestHost? host;

    private DeploymentsTestHost Host => host!;

    public async ValueTask InitializeAsync() =>
        host = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("metrics"), runWorker: false);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Finished_IsCountedOnce_WhenTheTerminalUpdateRunsTwice()
    {
        using var finished = Collect("deployments.finished");
        var deployment = await CreateAsync();
        await UpdateAsync(Update(deployment, DeploymentCommand.Start));
        var succeed = Update(deployment, DeploymentCommand.Succeed);

        Assert.True(await UpdateAsync(succeed));
        Assert.False(await UpdateAsync(succeed));

        var counted = Assert.Single(finished.GetMeasurementSnapshot());
        Assert.Equal(1, counted.Value);
        Assert.Equal(FinishedOutcome.Succeeded, counted.Tags[TelemetryTags.Outcome]);
        Assert.Equal("rolling", counted.Tags[TelemetryTags.Strategy]);
        Assert.Equal("rollout", counted.Tags[TelemetryTags.Kind]);
        Assert.Equal("default", counted.Tags[TelemetryTags.Namespace]);
    }

    [Fact]
    public async Task Finished_IsCountedOnce_WhenTwoRunsOfTheTerminalUpdateRace()
    {
        using var finished = Collect("deployments.finished");
        for (var round = 0; round < 5; round++)
        {
            var deployment = await CreateAsync();
            await UpdateAsync(Update(deployment, DeploymentCommand.Start));
            var fail = Update(deployment, DeploymentCommand.Fail);

            var changed = await Task.WhenAll(UpdateAsync(fail), UpdateAsync(fail));

            Assert.Single(changed, statusChanged => statusChanged);
        }

        Assert.Equal(5, finished.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task Finished_IsNotCountedAgain_ByACommandAfterTheTerminalStatus()
    {
        using var finished = Collect("deployments.finished");
        var deployment = await CreateAsync();
        await UpdateAsync(Update(deployment, DeploymentCommand.Start));
        await UpdateAsync(Update(deployment, DeploymentCommand.Succeed));

        Assert.False(await UpdateAsync(Update(deployment, DeploymentCommand.Fail)));
        Assert.False(await UpdateAsync(Update(deployment, DeploymentCommand.Cancel)));

        Assert.Equal([FinishedOutcome.Succeeded], finished.GetMeasurementSnapshot().Select(m => m.Tags[TelemetryTags.Outcome]));
    }

    [Fact]
    public async Task Started_IsCountedOnce_WhenTheSameDeploymentIsCreatedAgain()
    {
        using var started = Collect("deployments.started");
        var deployment = await CreateAsync();

        await Host.Services.GetRequiredService<DeploymentStore>().CreateAsync(deployment, "retry", "Created again by a retried request", CancellationToken.None);

        Assert.Equal(1, Assert.Single(started.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task RolloutDuration_IsRecordedInSeconds_WithTheOutcome()
    {
        using var duration = new MetricCollector<double>(Host.Services.GetRequiredService<IMeterFactory>(), DeploymentMetrics.MeterName, "deployments.rollout.duration");
        var deployment = await CreateAsync();
        await UpdateAsync(Update(deployment, DeploymentCommand.Start));
        await UpdateAsync(Update(deployment, DeploymentCommand.Cancel));

        var recorded = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.InRange(recorded.Value, 0, 60);
        Assert.Equal(FinishedOutcome.Cancelled, recorded.Tags[TelemetryTags.Outcome]);
        Assert.Equal("s", duration.Instrument!.Unit);
    }

    private MetricCollector<long> Collect(string instrument) =>
        new(Host.Services.GetRequiredService<IMeterFactory>(), DeploymentMetrics.MeterName, instrument);

    private async Task<Deployment> CreateAsync() =>
        await Host.Services.GetRequiredService<DeploymentStore>().CreateAsync(DeploymentRecords.New(), "test", "Created by the test", CancellationToken.None);

    private static DeploymentUpdate Update(Deployment deployment, DeploymentCommand command) =>
        new(deployment.Id, Guid.NewGuid(), command.ToString().ToLowerInvariant(), $"{command} by the test", command);

    /// <summary>A fresh activity per run, as the worker builds one per call.</summary>
    private Task<bool> UpdateAsync(DeploymentUpdate update) =>
        ActivatorUtilities.CreateInstance<UpdateDeploymentActivity>(Host.Services).RunAsync(new TestActivityContext(update.DeploymentId), update);

    private sealed class TestActivityContext(Guid deploymentId) : TaskActivityContext
    {
        public override TaskName Name => RolloutActivities.Update;

        public override string InstanceId => $"deployment-{deploymentId:N}";
    }
}
