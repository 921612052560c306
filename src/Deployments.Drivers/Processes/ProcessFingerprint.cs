using System.Globalization;

namespace Deployments.Drivers.Processes;

/// <summary>
/// Identifies one OS process across time. A pid alone is not an identity: once the process exits the kernel
/// hands the number to the next process that starts, so a state file that outlived its process would
/// otherwise "re-attach" to a stranger (and StopAsync would kill it).
/// </summary>
/// <param name="StartMarker">
/// On Linux the start time in clock ticks since boot from <c>/proc/[pid]/stat</c>: exact and cheap. Elsewhere
/// the start time in UTC ticks, which the runtime derives from wall clock and so may differ by a little between reads.
/// </param>
/// <param name="BootId">The kernel's boot id on Linux, because start ticks count from boot and restart at zero.</param>
internal sealed record ProcessFingerprint(int ProcessId, long StartMarker, string? BootId)
{
    private static readonly long WallClockTolerance = TimeSpan.FromSeconds(1).Ticks;

    private const long ExitedMarker = long.MinValue;

    /// <summary>
    /// For a process that was gone before it could be fingerprinted (it exited at once): never alive, so health
    /// reports it Lost and a listing forgets it, rather than the placement itself failing depending on timing.
    /// </summary>
    public static ProcessFingerprint Exited(int processId) => new(processId, ExitedMarker, null);

    /// <summary>The fingerprint of a live process, or null when no such process runs (or it is a zombie).</summary>
    public static ProcessFingerprint? Capture(int processId)
    {
        if (OperatingSystem.IsLinux())
        {
            var stat = ProcStat.TryRead(processId);
            return stat is null || stat.IsDead ? null : new ProcessFingerprint(processId, stat.StartTicks, LinuxBootId.Value);
        }

        return CaptureFromRuntime(processId);
    }

    /// <summary>True when the process this fingerprint was taken of still runs.</summary>
    public bool IsAlive()
    {
        var current = StartMarker == ExitedMarker ? null : Capture(ProcessId);
        if (current is null || current.BootId != BootId)
        {
            return false;
        }

        return OperatingSystem.IsLinux()
            ? current.StartMarker == StartMarker
            : Math.Abs(current.StartMarker - StartMarker) <= WallClockTolerance;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"pid {ProcessId} (start {StartMarker})");

    private static ProcessFingerprint? CaptureFromRuntime(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return process.HasExited ? null : new ProcessFingerprint(processId, process.StartTime.ToUniversalTime().Ticks, null);
        }
        catch (ArgumentException)
        {
            return null; // no process has that id
        }
        catch (InvalidOperationException)
        {
            return null; // it exited while we looked
        }
    }

    private static class LinuxBootId
    {
        public static readonly string? Value = Read();

        private static string? Read()
        {
            try
            {
                return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
