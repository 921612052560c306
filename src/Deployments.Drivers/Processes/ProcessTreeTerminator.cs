using System.Globalization;

namespace Deployments.Drivers.Processes;

/// <summary>Stops an allocation's process and everything in its process group: SIGTERM, a grace period, then SIGKILL.</summary>
internal sealed class ProcessTreeTerminator(TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Returns once the process and the rest of its group are gone: the group's other processes get the same signals
    /// and may take longer to exit than the leader, and a stop that returned before them would leave them holding the
    /// allocation's port or files. A process that is already gone (or whose pid now belongs to another) is left alone.
    /// </summary>
    public async Task TerminateAsync(ProcessFingerprint process, TimeSpan gracePeriod, CancellationToken ct)
    {
        if (!process.IsAlive())
        {
            return;
        }

        var group = GroupOf(process);
        bool Running() => process.IsAlive() || (group is { } id && GroupHasMembers(id));

        Signal(process, group, PosixSignals.SigTerm);
        if (await WaitUntilGoneAsync(Running, gracePeriod, ct))
        {
            return;
        }

        Signal(process, group, PosixSignals.SigKill);
        if (!await WaitUntilGoneAsync(Running, KillTimeout, ct))
        {
            throw new InvalidOperationException($"Process {process} or its group survived SIGKILL for {KillTimeout.TotalSeconds} s.");
        }
    }

    /// <summary>SIGKILL without grace, for a process just started that must not be left running.</summary>
    public static void KillNow(ProcessFingerprint process)
    {
        if (process.IsAlive())
        {
            Signal(process, GroupOf(process), PosixSignals.SigKill);
        }
    }

    /// <summary>
    /// The launcher makes every allocation the leader of its own session and group, so the group id is its pid. A process
    /// re-attached from an older launcher (or a platform without setsid) may lead no group: it is signalled alone.
    /// </summary>
    private static int? GroupOf(ProcessFingerprint process) =>
        !OperatingSystem.IsLinux() || ProcStat.TryRead(process.ProcessId)?.ProcessGroupId == process.ProcessId ? process.ProcessId : null;

    private static void Signal(ProcessFingerprint process, int? group, int signal)
    {
        // A group outlives its leader while any member runs, so it is signalled by its id even once the leader is gone.
        if (group is not { } id || !PosixSignals.Send(-id, signal))
        {
            PosixSignals.Send(process.ProcessId, signal);
        }
    }

    /// <summary>Whether any live process (not a zombie) is in the group. Only Linux has /proc to tell; elsewhere the leader stands for its group.</summary>
    private static bool GroupHasMembers(int groupId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ProcStat.TryRead(pid) is { IsDead: false } stat && stat.ProcessGroupId == groupId)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> WaitUntilGoneAsync(Func<bool> running, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (running())
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
