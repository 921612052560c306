using System.Collections.Concurrent;
using System.Globalization;
using Deployments.Drivers.Processes;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Drivers.Tests.Support;

/// <summary>
/// A local cluster of its own for one test: a fresh state directory and any number of driver instances on it (each in
/// its own service provider, as a new host would have). Disposing stops every process the test started, whether the
/// test passed or not, and removes the directory.
/// </summary>
internal sealed class ProcessClusterScope : IAsyncDisposable
{
    private readonly List<ServiceProvider> _hosts = [];
    private readonly ConcurrentBag<ProcessFingerprint> _started = [];

    public ProcessClusterScope(double stopGracePeriodSeconds = 5)
    {
        StateDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "deployments-drivers-tests", Guid.NewGuid().ToString("N"));
        Cluster = new ClusterTarget("local-test", ProcessTargetDriver.DriverName, new Dictionary<string, string>
        {
            ["stateDirectory"] = StateDirectory,
            ["stopGracePeriodSeconds"] = stopGracePeriodSeconds.ToString(CultureInfo.InvariantCulture),
        });
        Driver = NewDriver();
    }

    public string StateDirectory { get; }

    public ClusterTarget Cluster { get; }

    /// <summary>The first host's driver.</summary>
    public ITargetDriver Driver { get; }

    internal AllocationStateStore Store => new(StateDirectory);

    /// <summary>A driver in a new service provider: what a restarted host would get.</summary>
    public ITargetDriver NewDriver()
    {
        var provider = new ServiceCollection().AddTargetDrivers().BuildServiceProvider();
        _hosts.Add(provider);
        return provider.GetRequiredService<TargetDriverRegistry>().Get(ProcessTargetDriver.DriverName);
    }

    public static AllocationSpec SampleSpec(string allocationId, params (string Name, string Value)[] environment) =>
        Spec(allocationId, "dotnet", [SampleServiceBinary.Path], environment);

    public static AllocationSpec Spec(string allocationId, string command, IReadOnlyList<string> args, params (string Name, string Value)[] environment) =>
        new(allocationId, "deployment-1", "sample", "web", 1, command, args,
            environment.ToDictionary(e => e.Name, e => e.Value), "/health");

    /// <summary>Places through <paramref name="driver"/> (default: the first host's) and remembers the process for clean-up.</summary>
    public async Task<Placement> PlaceAsync(AllocationSpec spec, ITargetDriver? driver = null)
    {
        var placement = await (driver ?? Driver).PlaceAsync(Cluster, spec, TestContext.Current.CancellationToken);
        if (placement.ProcessId is { } pid && ProcessFingerprint.Capture(pid) is { } fingerprint)
        {
            _started.Add(fingerprint);
        }

        return placement;
    }

    public Task<HealthReport> HealthAsync(Placement placement, ITargetDriver? driver = null) =>
        (driver ?? Driver).CheckHealthAsync(Cluster, placement, TestContext.Current.CancellationToken);

    public Task<HealthReport> WaitForHealthAsync(Placement placement, HealthState state, ITargetDriver? driver = null) =>
        Polling.UntilAsync($"{placement.AllocationId} to be {state}", _ => HealthAsync(placement, driver), report => report.State == state, Waits.Timeout, Waits.Interval);

    public async ValueTask DisposeAsync()
    {
        try
        {
            var driver = NewDriver();
            foreach (var running in await driver.ListAsync(Cluster, CancellationToken.None))
            {
                await driver.StopAsync(Cluster, new Placement(running.AllocationId, running.Address, running.ProcessId, null), CancellationToken.None);
            }
        }
        finally
        {
            // Whatever the driver no longer knows about (a test tampered with its state) still must not outlive the test.
            foreach (var process in _started.Where(p => p.IsAlive()))
            {
                PosixSignals.Send(process.ProcessId, PosixSignals.SigKill);
            }

            foreach (var host in _hosts)
            {
                await host.DisposeAsync();
            }

            try
            {
                Directory.Delete(StateDirectory, recursive: true);
            }
            catch (IOException)
            {
                // a log still being written by a dying process; the temp directory is cleaned by the OS eventually
            }
        }
    }
}
