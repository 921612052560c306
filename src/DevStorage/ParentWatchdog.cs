namespace DevStorage;

/// <summary>
/// A Node.js preload that makes Azurite shut down cleanly once its standard input closes.
/// </summary>
/// <remarks>
/// We hold the write end of Azurite's stdin and never write to it. When we close it on dispose, or
/// the OS closes it because our process died (a killed test host, a CI timeout, SIGTERM, which
/// .NET does not turn into ProcessExit here), Azurite sees end-of-file and signals itself to stop,
/// running its own shutdown so persisted data is flushed. Without this an orphaned emulator keeps
/// running and holding its ports. Passed as a data: URL so there is no extra file to ship.
/// </remarks>
internal static class ParentWatchdog
{
    private const string Script =
        "const stop=()=>process.kill(process.pid,'SIGTERM');"
        + "process.stdin.on('end',stop);process.stdin.on('error',stop);process.stdin.resume();";

    /// <summary>The Node.js options that load the watchdog; they go before the script path.</summary>
    public static IEnumerable<string> NodeArguments() => ["--import", "data:text/javascript," + Script];
}
