using System.Globalization;
using Deployments.Drivers.Processes;
using Deployments.Drivers.Tests.Support;
using TestSupport;

namespace Deployments.Drivers.Tests.Processes;

public sealed class ProcessDriverStopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopped_allocation_is_gone_lost_and_stopping_it_again_is_fine()
    {
        await using var cluster = new ProcessClusterScope();
        var placement = await cluster.PlaceAsync(ProcessClusterScope.SampleSpec("alloc-stop"));
        await cluster.WaitForHealthAsync(placement, HealthState.Healthy);
        var process = ProcessFingerprint.Capture(placement.ProcessId!.Value)!;

        await cluster.Driver.StopAsync(cluster.Cluster, placement, Ct);

        Assert.False(process.IsAlive());
        Assert.Empty(await cluster.Driver.ListAsync(cluster.Cluster, Ct));
        Assert.Null(cluster.Store.Read("alloc-stop"));
        Assert.Equal(HealthState.Lost, (await cluster.HealthAsync(placement)).State);
        await cluster.Driver.StopAsync(cluster.Cluster, placement, Ct);
    }

    [Fact]
    public async Task Stop_takes_the_processes_the_allocation_spawned_with_it()
    {
        await using var cluster = new ProcessClusterScope();
        var childPidFile = Path.Combine(Path.GetTempPath(), $"drivers-tests-child-{Guid.NewGuid():N}.pid");
        ProcessFingerprint? child = null;
        try
        {
            var placement = await cluster.PlaceAsync(ProcessClusterScope.Spec("alloc-tree", "sh", ["-c", $"sleep 300 & echo $! > {childPidFile}; wait"]));
            var childPid = await Polling.UntilAsync("the allocation to start its child", _ => Task.FromResult(ReadPid(childPidFile)), pid => pid > 0, Waits.Timeout, Waits.Interval);
            child = ProcessFingerprint.Capture(childPid)!;

            await cluster.Driver.StopAsync(cluster.Cluster, placement, Ct);

            Assert.False(child.IsAlive());
        }
        finally
        {
            File.Delete(childPidFile);
            if (child is not null && child.IsAlive())
            {
                PosixSignals.Send(child.ProcessId, PosixSignals.SigKill); // the scope only knows the allocation itself
            }
        }
    }

    [Fact]
    public async Task Process_that_survives_SIGTERM_is_killed_after_the_grace_period()
    {
        await using var cluster = new ProcessClusterScope(stopGracePeriodSeconds: 0.3);
        var placement = await cluster.PlaceAsync(ProcessClusterScope.Spec("alloc-stubborn", "sh", ["-c", "trap 'echo got-term' TERM; while true; do sleep 0.05; done"]));
        var pid = placement.ProcessId!.Value;
        var process = ProcessFingerprint.Capture(pid)!;
        await Polling.UntilAsync("the allocation to install its SIGTERM trap", () => CatchesSigTerm(pid), Waits.Timeout, Waits.Interval);

        await cluster.Driver.StopAsync(cluster.Cluster, placement, Ct);

        Assert.False(process.IsAlive());
        Assert.Contains("got-term", await File.ReadAllTextAsync(cluster.Store.LogPath("alloc-stubborn"), Ct), StringComparison.Ordinal);
    }

    /// <summary>SigCgt in /proc/[pid]/status is the hex mask of caught signals; signal n is bit n - 1.</summary>
    private static bool CatchesSigTerm(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigCgt:", StringComparison.Ordinal));
        return line is not null
            && (ulong.Parse(line["SigCgt:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (PosixSignals.SigTerm - 1))) != 0;
    }

    private static int ReadPid(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }
}
