namespace DevStorage;

/// <summary>
/// The outcome of <see cref="DevelopmentStorage.EnsureRunningAsync"/>: the connection string to use,
/// and the emulator if this call started one.
/// </summary>
/// <remarks>
/// Callers dispose the lease unconditionally; only a lease that started Azurite stops it, so an
/// emulator the developer runs by hand is never killed by a sample or benchmark.
/// </remarks>
public sealed class DevelopmentStorageLease : IAsyncDisposable
{
    internal DevelopmentStorageLease(string connectionString, AzuriteProcess? emulator)
    {
        ConnectionString = connectionString;
        Emulator = emulator;
    }

    /// <summary>
    /// The connection string to use; never the <c>UseDevelopmentStorage=true</c> shorthand.
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>The emulator this lease started and will stop, or null.</summary>
    public AzuriteProcess? Emulator { get; }

    /// <summary>True when this lease started Azurite.</summary>
    public bool OwnsEmulator => Emulator is not null;

    /// <summary>Stops the emulator if this lease started it; otherwise does nothing, so it is always safe to call.</summary>
    public ValueTask DisposeAsync() => Emulator?.DisposeAsync() ?? ValueTask.CompletedTask;
}
