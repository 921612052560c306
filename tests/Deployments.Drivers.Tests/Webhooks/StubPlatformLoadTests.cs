using Deployments.Drivers.Tests.Support;

namespace Deployments.Drivers.Tests.Webhooks;

/// <summary>The stub must carry the deployment tests and the 200-concurrent-rollout benchmark.</summary>
public sealed class StubPlatformLoadTests
{
    [Fact]
    public async Task Hundreds_of_concurrent_places_health_checks_and_stops_all_succeed()
    {
        const int Count = 300;
        await using var scope = await WebhookPlatformScope.StartAsync();
        var specs = Enumerable.Range(0, Count).Select(i => WebhookPlatformScope.Spec($"alloc-{i}")).ToList();

        var placements = await Task.WhenAll(specs.Select(scope.PlaceAsync));
        var reports = await Task.WhenAll(placements.Select(scope.HealthAsync));
        var listed = await scope.ListAsync();
        await Task.WhenAll(placements.Select(scope.StopAsync));

        Assert.All(reports, report => Assert.Equal(HealthState.Healthy, report.State));
        Assert.Equal(Count, listed.Count);
        Assert.Equal(Count, scope.Platform.Counters.Places);
        Assert.Equal(Count, scope.Platform.Counters.Stops);
        Assert.Equal(0, scope.Platform.Counters.RejectedSignatures);
        Assert.Empty(scope.Platform.Allocations);
    }
}
