using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deployments.Drivers.Processes;

/// <summary>
/// Runs each allocation as a local OS process: the embedded default for a local cluster. Allocations outlive the
/// host that started them; whatever host comes next finds them again through the cluster's state directory.
/// </summary>
internal sealed partial class ProcessTargetDriver : ITargetDriver
{
    public const string DriverName = "process";

    private readonly ProcessDriverOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ProcessTargetDriver> _logger;
    private readonly ProcessHealthProbe _probe;
    private readonly ProcessTreeTerminator _terminator;
    private readonly LoopbackPortFinder _ports;

    public ProcessTargetDriver(IHttpClientFactory httpClients, IOptions<ProcessDriverOptions> options, TimeProvider time, ILogger<ProcessTargetDriver> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _probe = new ProcessHealthProbe(httpClients, _options);
        _terminator = new ProcessTreeTerminator(time);
        _ports = new LoopbackPortFinder(time);
    }

    public string Name => DriverName;

    public async Task<Placement> PlaceAsync(ClusterTarget cluster, AllocationSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var store = StoreFor(cluster);
        using var held = await LockAsync(store, spec.AllocationId, ct);

        if (store.Read(spec.AllocationId) is { } existing)
        {
            if (existing.Fingerprint.IsAlive())
            {
                return existing.ToPlacement();
            }

            LogForgettingDead(spec.AllocationId, existing.ProcessId);
            store.Delete(spec.AllocationId);
        }

        var state = Launch(store, spec);
        try
        {
            store.Write(state);
        }
        catch
        {
            // Without its state file no host could ever find or stop this process again.
            ProcessTreeTerminator.KillNow(state.Fingerprint);
            throw;
        }

        LogPlaced(spec.AllocationId, state.ProcessId, state.Address);
        return state.ToPlacement();
    }

    public async Task StopAsync(ClusterTarget cluster, Placement placement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var settings = SettingsFor(cluster);
        var store = new AllocationStateStore(settings.StateDirectory);
        using var held = await LockAsync(store, placement.AllocationId, ct);

        // Without a state file there is no fingerprint, and a bare pid from the placement may by now be someone else's.
        if (store.Read(placement.AllocationId) is not { } state)
        {
            return;
        }

        await _terminator.TerminateAsync(state.Fingerprint, settings.StopGracePeriod, ct);
        store.Delete(placement.AllocationId);
        LogStopped(placement.AllocationId, state.ProcessId);
    }

    public async Task<HealthReport> CheckHealthAsync(ClusterTarget cluster, Placement placement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var store = StoreFor(cluster);

        // The state file, not the placement, says where the allocation listens: a re-placed allocation may have a new port.
        if (store.Read(placement.AllocationId) is not { } state)
        {
            return new HealthReport(placement.AllocationId, HealthState.Lost, "the cluster has no such allocation (stopped, or never placed here)");
        }

        if (!state.Fingerprint.IsAlive())
        {
            return new HealthReport(placement.AllocationId, HealthState.Lost, $"process {state.ProcessId} has exited; its output is in {state.LogFile}");
        }

        return await _probe.ProbeAsync(state, ct);
    }

    public Task<IReadOnlyList<RunningAllocation>> ListAsync(ClusterTarget cluster, CancellationToken ct)
    {
        var store = StoreFor(cluster);
        var running = new List<RunningAllocation>();
        foreach (var (allocationId, state) in store.ReadAll())
        {
            ct.ThrowIfCancellationRequested();
            if (state is not null && state.Fingerprint.IsAlive())
            {
                running.Add(state.ToRunningAllocation());
            }
            else
            {
                ForgetIfStillDead(store, allocationId);
            }
        }

        return Task.FromResult<IReadOnlyList<RunningAllocation>>(running);
    }

    /// <summary>
    /// Under the allocation's lock and after a second look: a placement may have just replaced the dead state with a
    /// live one. A locked allocation is busy, so its file is someone else's to settle; the next listing will see it.
    /// </summary>
    private void ForgetIfStillDead(AllocationStateStore store, string allocationId)
    {
        using var held = AllocationLock.TryAcquire(store.LockPath(allocationId));
        if (held is null)
        {
            return;
        }

        var state = store.Read(allocationId);
        if (state is null || !state.Fingerprint.IsAlive())
        {
            LogForgettingDead(allocationId, state?.ProcessId);
            store.Delete(allocationId);
        }
    }

    private AllocationState Launch(AllocationStateStore store, AllocationSpec spec)
    {
        var port = _ports.FindFreePort();
        var logPath = store.LogPath(spec.AllocationId);
        var startedAt = _time.GetUtcNow();
        File.AppendAllText(logPath, string.Create(CultureInfo.InvariantCulture,
            $"--- {startedAt:O} starting allocation {spec.AllocationId} (revision {spec.Revision}) on port {port}{Environment.NewLine}"));

        var processId = DetachedProcessLauncher.Start(spec.Command, spec.Args, ChildEnvironment.For(spec, port), store.Directory, logPath);
        var fingerprint = ProcessFingerprint.Capture(processId) ?? ProcessFingerprint.Exited(processId);

        var address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        return new AllocationState(spec.AllocationId, processId, fingerprint.StartMarker, fingerprint.BootId, port, address,
            address + NormalizePath(spec.HealthPath), startedAt, logPath);
    }

    private static string NormalizePath(string path) =>
        string.IsNullOrEmpty(path) ? "/" : path.StartsWith('/') ? path : "/" + path;

    private ProcessClusterSettings SettingsFor(ClusterTarget cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return ProcessClusterSettings.From(cluster, _options);
    }

    private AllocationStateStore StoreFor(ClusterTarget cluster) => new(SettingsFor(cluster).StateDirectory);

    private Task<AllocationLock> LockAsync(AllocationStateStore store, string allocationId, CancellationToken ct) =>
        AllocationLock.AcquireAsync(store.LockPath(allocationId), _options.LockTimeout, _time, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Placed allocation {AllocationId} as process {ProcessId} at {Address}")]
    private partial void LogPlaced(string allocationId, int processId, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped allocation {AllocationId} (process {ProcessId})")]
    private partial void LogStopped(string allocationId, int processId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgetting allocation {AllocationId}: its process {ProcessId} is gone")]
    private partial void LogForgettingDead(string allocationId, int? processId);
}
