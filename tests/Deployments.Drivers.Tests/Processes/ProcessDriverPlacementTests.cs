using System.Net.Http.Json;
using System.Text.Json;
using Deployments.Drivers.Tests.Support;
using TestSupport;

namespace Deployments.Drivers.Tests.Processes;

public sealed class ProcessDriverPlacementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Placed_sample_service_becomes_healthy_and_serves_its_version_and_allocation_id()
    {
        await using var cluster = new ProcessClusterScope();

        var placement = await cluster.PlaceAsync(ProcessClusterScope.SampleSpec("alloc-healthy", ("VERSION", "7")));

        Assert.StartsWith("http://127.0.0.1:", placement.Address, StringComparison.Ordinal);
        Assert.Equal(placement.Address + "/health", placement.HealthUrl);
        Assert.NotNull(placement.ProcessId);
        await cluster.WaitForHealthAsync(placement, HealthState.Healthy);

        using var http = new HttpClient();
        var root = await http.GetFromJsonAsync<JsonElement>(placement.Address + "/", Ct);
        Assert.Equal("7", root.GetProperty("version").GetString());
        Assert.Equal("alloc-healthy", root.GetProperty("allocation_id").GetString());
    }

    [Fact]
    public async Task Allocation_with_FAIL_HEALTH_is_reported_unhealthy()
    {
        await using var cluster = new ProcessClusterScope();

        var placement = await cluster.PlaceAsync(ProcessClusterScope.SampleSpec("alloc-failing", ("FAIL_HEALTH", "true")));

        var report = await cluster.WaitForHealthAsync(placement, HealthState.Unhealthy);
        Assert.Contains("503", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placing_the_same_allocation_again_returns_the_running_copy_instead_of_a_second_one()
    {
        await using var cluster = new ProcessClusterScope();
        var spec = ProcessClusterScope.SampleSpec("alloc-once");

        var first = await cluster.PlaceAsync(spec);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => cluster.PlaceAsync(spec)));

        Assert.All(concurrent, placement => Assert.Equal(first, placement));
        var running = Assert.Single(await cluster.Driver.ListAsync(cluster.Cluster, Ct));
        Assert.Equal(first.ProcessId, running.ProcessId);
        await cluster.WaitForHealthAsync(first, HealthState.Healthy);
    }

    [Fact]
    public async Task Process_that_is_alive_but_not_listening_yet_is_pending()
    {
        await using var cluster = new ProcessClusterScope();

        var placement = await cluster.PlaceAsync(ProcessClusterScope.Spec("alloc-slow-start", "sleep", ["300"]));

        var report = await cluster.HealthAsync(placement);
        Assert.Equal(HealthState.Pending, report.State);
    }

    [Fact]
    public async Task Process_that_exits_at_once_is_lost_forgotten_by_listing_and_its_output_kept()
    {
        await using var cluster = new ProcessClusterScope();

        var placement = await cluster.PlaceAsync(ProcessClusterScope.Spec("alloc-crash", "sh", ["-c", "echo boom-$ALLOCATION_ID; exit 3"]));

        var report = await cluster.WaitForHealthAsync(placement, HealthState.Lost);
        Assert.Contains("has exited", report.Detail, StringComparison.Ordinal);
        await Polling.UntilAsync("the listing to drop the crashed allocation", token => cluster.Driver.ListAsync(cluster.Cluster, token), list => list.Count == 0, Waits.Timeout, Waits.Interval);
        Assert.Null(cluster.Store.Read("alloc-crash"));
        Assert.Contains("boom-alloc-crash", await File.ReadAllTextAsync(cluster.Store.LogPath("alloc-crash"), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_allocation_is_lost()
    {
        await using var cluster = new ProcessClusterScope();

        var report = await cluster.HealthAsync(new Placement("never-placed", "http://127.0.0.1:1", 1, null));

        Assert.Equal(HealthState.Lost, report.State);
    }
}
