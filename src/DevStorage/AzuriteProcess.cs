using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace DevStorage;

/// <summary>
/// A running Azurite emulator owned by this process; disposing it stops Azurite.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const int TailLines = 200;

    /// <summary>Azurite closes in milliseconds; the kill afterwards is only for a hung emulator.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly OutputTail _tail;
    private int _disposed;

    private AzuriteProcess(Process process, OutputTail tail, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _tail = tail;
        ProcessId = process.Id;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        ConnectionString = DevelopmentStorageAccount.ConnectionString(blobPort, queuePort, tablePort);
    }

    /// <summary>The port the blob service listens on: the one asked for, or the one the OS chose for a 0.</summary>
    public int BlobPort { get; }

    /// <summary>The port the queue service listens on, chosen like <see cref="BlobPort"/>.</summary>
    public int QueuePort { get; }

    /// <summary>The port the table service listens on, chosen like <see cref="BlobPort"/>.</summary>
    public int TablePort { get; }

    /// <summary>Explicit connection string for the devstoreaccount1 account on the bound ports.</summary>
    public string ConnectionString { get; }

    /// <summary>Azurite's OS process id, for diagnostics.</summary>
    public int ProcessId { get; }

    /// <summary>The last lines Azurite printed (it logs every request), for diagnostics.</summary>
    public string OutputTail => _tail.ToString();

    /// <summary>
    /// Launches Azurite and returns once Blob, Queue and Table all listen.
    /// </summary>
    /// <exception cref="AzuriteNotInstalledException">The script or Node.js is missing.</exception>
    /// <exception cref="AzuriteStartException">Azurite exited early or missed the startup timeout.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken cancellationToken)
    {
        var scriptPath = AzuriteLocator.RequireScript(options.ScriptPath);
        if (options.Location is not null)
        {
            // The working directory is set to the location, which must exist before Process.Start.
            Directory.CreateDirectory(options.Location);
        }

        var tail = new OutputTail(TailLines);
        var ports = new StartupPorts();
        var process = new Process { StartInfo = AzuriteCommandLine.Create(options, scriptPath) };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ports.OnOutputEnded();
                return;
            }

            tail.Add(e.Data);
            ports.OnLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                tail.Add(e.Data);
            }
        };

        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new AzuriteNotInstalledException(
                $"Could not run Node.js ('{options.NodeExecutable}'): {ex.Message}. Azurite needs Node.js 20 or later on PATH. "
                + AzuriteNotInstalledException.InstallAdvice,
                ex);
        }

        // Both streams must be drained for the emulator's whole life: a full pipe blocks Azurite.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        (int Blob, int Queue, int Table)? bound;
        try
        {
            bound = await ports.Ready.WaitAsync(options.StartupTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            await ProcessShutdown.KillAsync(process);
            throw new AzuriteStartException(
                $"Azurite did not report all three services listening within {options.StartupTimeout.TotalSeconds:0.###} s.",
                tail.ToString());
        }
        catch (OperationCanceledException)
        {
            await ProcessShutdown.KillAsync(process);
            throw;
        }

        if (bound is not { } p)
        {
            var exitCode = await ProcessShutdown.KillAsync(process);
            throw new AzuriteStartException(
                $"Azurite exited (code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}) before all three services were listening.",
                tail.ToString());
        }

        return new AzuriteProcess(process, tail, p.Blob, p.Queue, p.Table);
    }

    /// <summary>
    /// Stops Azurite and waits until it has exited: a clean shutdown first, so data under
    /// <see cref="AzuriteOptions.Location"/> is flushed, then a kill of the whole process tree.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await ProcessShutdown.StopAsync(_process, ShutdownGrace);
    }
}
