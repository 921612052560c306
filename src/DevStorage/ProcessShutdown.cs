using System.Diagnostics;

namespace DevStorage;

/// <summary>Ends an Azurite process and releases its handle.</summary>
internal static class ProcessShutdown
{
    /// <summary>
    /// Asks for a clean stop, so data under <see cref="AzuriteOptions.Location"/> is flushed, and
    /// kills the process tree if it has not exited within <paramref name="grace"/>.
    /// </summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        try
        {
            // ParentWatchdog turns end-of-stdin into Azurite's own SIGTERM shutdown.
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(grace);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Still running after the grace period; the kill below deals with it.
        }
        catch (IOException)
        {
            // The pipe is already broken because Azurite is gone.
        }

        await KillAsync(process);
    }

    /// <summary>Kills the process tree, waits for exit, disposes; returns the exit code if known.</summary>
    public static async Task<int?> KillAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // The whole tree: a wrapper (a version-manager shim, a shell script) would otherwise leave node running.
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            // Already gone and reaped; there is nothing left to kill or report.
            return null;
        }
        finally
        {
            process.Dispose();
        }
    }
}
