using System.Diagnostics;

namespace Deployments.Drivers.Processes;

/// <summary>
/// Starts an allocation so that it outlives the host: its own session (setsid), so a signal to the host's process
/// group (Ctrl+C, a supervisor stopping the host) does not reach it, and its stdio on /dev/null and a log file,
/// never on pipes to the host, which would break (or fill and block the child) once the host is gone.
/// </summary>
internal static class DetachedProcessLauncher
{
    // sh applies the redirections and then execs, so the pid Process.Start returns is the allocation's own pid.
    // setsid(1) only forks when its caller already leads a process group; sh here does not, so the pid survives that too.
    private const string Script =
        """
        log="$1"; shift
        if command -v setsid >/dev/null 2>&1; then exec setsid "$@" </dev/null >>"$log" 2>&1; fi
        exec "$@" </dev/null >>"$log" 2>&1
        """;

    /// <summary>Starts the command and returns its pid.</summary>
    public static int Start(string command, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment,
        string workingDirectory, string logPath)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The process driver runs allocations on Linux and macOS only.");
        }

        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(Script);
        startInfo.ArgumentList.Add("deployments-allocation"); // $0, shown by ps while sh runs
        startInfo.ArgumentList.Add(logPath);
        startInfo.ArgumentList.Add(ResolveCommand(command, environment));
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{command}'.");
        return process.Id;
    }

    /// <summary>
    /// "dotnet" means the muxer the host itself runs on when the SDK tells us where that is (it sets DOTNET_HOST_PATH
    /// for the processes it starts): the allocation's trimmed PATH may not lead to the same one, or to any.
    /// </summary>
    private static string ResolveCommand(string command, IReadOnlyDictionary<string, string> environment)
    {
        if (command == "dotnet" && !environment.ContainsKey("DOTNET_HOST_PATH")
            && Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        return command;
    }
}
