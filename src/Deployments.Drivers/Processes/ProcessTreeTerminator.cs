namespace Deployments.Drivers.Processes;

/// <summary>Stops an allocation's process and everything in its process group: SIGTERM, a grace period, then SIGKILL.</summary>
internal sealed class ProcessTreeTerminator(TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Returns once the process is gone. A process that is already gone (or whose pid now belongs to another) is left alone.</summary>
    public async Task TerminateAsync(ProcessFingerprint process, TimeSpan gracePeriod, CancellationToken ct)
    {
        if (!process.IsAlive())
        {
            return;
        }

        Signal(process, PosixSignals.SigTerm);
        if (await WaitForExitAsync(process, gracePeriod, ct))
        {
            return;
        }

        Signal(process, PosixSignals.SigKill);
        if (!await WaitForExitAsync(process, KillTimeout, ct))
        {
            throw new InvalidOperationException($"Process {process} survived SIGKILL for {KillTimeout.TotalSeconds} s.");
        }
    }

    /// <summary>SIGKILL without grace, for a process just started that must not be left running.</summary>
    public static void KillNow(ProcessFingerprint process)
    {
        if (process.IsAlive())
        {
            Signal(process, PosixSignals.SigKill);
        }
    }

    private static void Signal(ProcessFingerprint process, int signal)
    {
        // The launcher makes every allocation the leader of its own session and group, so the group id is its pid.
        // A process re-attached from an older launcher (or a platform without setsid) may lead no group: signal it alone.
        var leadsGroup = !OperatingSystem.IsLinux() || ProcStat.TryRead(process.ProcessId)?.ProcessGroupId == process.ProcessId;
        if (!leadsGroup || !PosixSignals.Send(-process.ProcessId, signal))
        {
            PosixSignals.Send(process.ProcessId, signal);
        }
    }

    private async Task<bool> WaitForExitAsync(ProcessFingerprint process, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (process.IsAlive())
        {
            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, time, ct);
        }

        return true;
    }
}
