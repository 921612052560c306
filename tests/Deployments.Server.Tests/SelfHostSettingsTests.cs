using Deployments.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Server.Tests;

/// <summary>The self-host as built runs with its own crash-recovery settings, which host.json may not hold.</summary>
public sealed class SelfHostSettingsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public void SelfHost_RunsWithTheShortLeasesOfItsOwnSection_NotTheFunctionsHostsMinimums()
    {
        var settings = fixture.Server.Services.GetRequiredService<TaskHubStorage>().Settings;

        // host.json says one minute (the least the Functions extension accepts); appsettings.json's SelfHost section 15 s.
        Assert.Equal(TimeSpan.FromSeconds(15), settings.ControlQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.WorkItemQueueVisibilityTimeout);
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)), (settings.LeaseInterval, settings.LeaseRenewInterval, settings.LeaseAcquireInterval));
        // What the self-host shares with the Functions host still comes from host.json.
        Assert.Equal(4, settings.PartitionCount);
        Assert.True(settings.ExtendedSessionsEnabled);
    }
}
