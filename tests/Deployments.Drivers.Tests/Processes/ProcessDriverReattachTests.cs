using System.Diagnostics;
using Deployments.Drivers.Processes;
using Deployments.Drivers.Tests.Support;
using TestSupport;

namespace Deployments.Drivers.Tests.Processes;

/// <summary>What a host that restarts (or a second host) sees of allocations an earlier host placed.</summary>
public sealed class ProcessDriverReattachTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task New_driver_instance_reattaches_a_running_allocation_and_forgets_a_killed_one()
    {
        await using var cluster = new ProcessClusterScope();
        var survivor = await cluster.PlaceAsync(ProcessClusterScope.SampleSpec("alloc-survivor"));
        var victim = await cluster.PlaceAsync(ProcessClusterScope.SampleSpec("alloc-victim"));
        await cluster.WaitForHealthAsync(survivor, HealthState.Healthy);
        await cluster.WaitForHealthAsync(victim, HealthState.Healthy);
        using (var process = Process.GetProcessById(victim.ProcessId!.Value))
        {
            process.Kill();
        }

        var restarted = cluster.NewDriver();

        var listed = await Polling.UntilAsync("the killed allocation to drop out", token => restarted.ListAsync(cluster.Cluster, token), list => list.Count == 1, Waits.Timeout, Waits.Interval);
        Assert.Equal(new RunningAllocation("alloc-survivor", survivor.Address, survivor.ProcessId), listed[0]);
        Assert.Null(cluster.Store.Read("alloc-victim"));
        Assert.Equal(survivor, await cluster.PlaceAsync(ProcessClusterScope.SampleSpec("alloc-survivor"), restarted));
        Assert.Equal(HealthState.Healthy, (await cluster.HealthAsync(survivor, restarted)).State);
        Assert.Equal(HealthState.Lost, (await cluster.HealthAsync(victim, restarted)).State);
    }

    [Fact]
    public async Task Another_process_answering_on_the_allocations_port_means_the_allocation_is_lost()
    {
        await using var cluster = new ProcessClusterScope();
        var mine = await cluster.PlaceAsync(ProcessClusterScope.SampleSpec("alloc-mine"));
        var other = await cluster.PlaceAsync(ProcessClusterScope.SampleSpec("alloc-other"));
        await cluster.WaitForHealthAsync(mine, HealthState.Healthy);
        await cluster.WaitForHealthAsync(other, HealthState.Healthy);

        // As after a crash and port reuse: the recorded process still runs, but its port is now answered by another.
        var state = cluster.Store.Read("alloc-mine")!;
        var otherState = cluster.Store.Read("alloc-other")!;
        cluster.Store.Write(state with { Port = otherState.Port, HealthUrl = otherState.HealthUrl });

        var report = await cluster.HealthAsync(mine);

        Assert.Equal(HealthState.Lost, report.State);
        Assert.Contains("alloc-other", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pid_reused_by_another_process_is_not_taken_for_the_allocation()
    {
        await using var cluster = new ProcessClusterScope();
        var placement = await cluster.PlaceAsync(ProcessClusterScope.Spec("alloc-reused", "sleep", ["300"]));

        // The state file now points at a live process with a different start time: what pid reuse looks like.
        var state = cluster.Store.Read("alloc-reused")!;
        cluster.Store.Write(state with { StartMarker = state.StartMarker - 1 });

        Assert.Empty(await cluster.Driver.ListAsync(cluster.Cluster, Ct));
        Assert.Equal(HealthState.Lost, (await cluster.HealthAsync(placement)).State);
        Assert.True(ProcessFingerprint.Capture(placement.ProcessId!.Value) is not null, "the stranger must not have been killed");
    }

    [Fact]
    public async Task Allocation_is_detached_from_the_host_session_and_stdio_and_gets_only_its_own_environment()
    {
        await using var cluster = new ProcessClusterScope();
        Environment.SetEnvironmentVariable("DRIVERS_TESTS_HOST_ONLY", "must-not-leak");
        var placement = await cluster.PlaceAsync(ProcessClusterScope.Spec("alloc-detached", "sleep", ["300"], ("GREETING", "hello")));
        var pid = placement.ProcessId!.Value;

        // The launcher's shell applies setsid and the redirections and then execs, all under the same pid, a moment after the start.
        var stat = await Polling.UntilAsync("the allocation to lead its own session", _ => Task.FromResult(ProcStat.TryRead(pid)!), s => s.SessionId == pid, Waits.Timeout, Waits.Interval);
        Assert.Equal(pid, stat.ProcessGroupId);
        await Polling.UntilAsync("the shell to exec the command", () => File.ReadAllText($"/proc/{pid}/cmdline").StartsWith("sleep\0", StringComparison.Ordinal), Waits.Timeout, Waits.Interval);
        Assert.Equal("/dev/null", Link(pid, 0));
        Assert.Equal(cluster.Store.LogPath("alloc-detached"), Link(pid, 1));
        Assert.Equal(cluster.Store.LogPath("alloc-detached"), Link(pid, 2));

        var environment = (await File.ReadAllTextAsync($"/proc/{pid}/environ", Ct)).Split('\0');
        Assert.Contains("GREETING=hello", environment);
        Assert.Contains("ALLOCATION_ID=alloc-detached", environment);
        Assert.Contains(environment, e => e.StartsWith("PORT=", StringComparison.Ordinal));
        Assert.DoesNotContain(environment, e => e.StartsWith("DRIVERS_TESTS_HOST_ONLY=", StringComparison.Ordinal));
    }

    private static string? Link(int pid, int fd) => new FileInfo($"/proc/{pid}/fd/{fd}").LinkTarget;
}
