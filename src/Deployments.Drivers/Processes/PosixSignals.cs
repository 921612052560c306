using System.Runtime.InteropServices;

namespace Deployments.Drivers.Processes;

/// <summary>
/// kill(2). .NET's Process.Kill only sends SIGKILL, which gives an app no chance to drain; a stop sends SIGTERM
/// first, and to the whole process group so that whatever the allocation spawned goes with it.
/// </summary>
internal static partial class PosixSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>Sends the signal; false when no such process (or group) exists any more.</summary>
    public static bool Send(int processIdOrNegativeGroupId, int signal) => Kill(processIdOrNegativeGroupId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
