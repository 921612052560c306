namespace DevStorage;

/// <summary>How to launch one Azurite process.</summary>
public sealed record AzuriteOptions
{
    /// <summary>Blob port; 0 lets the OS choose, so parallel runs never collide.</summary>
    public int BlobPort { get; init; }

    /// <summary>Queue port; 0 lets the OS choose.</summary>
    public int QueuePort { get; init; }

    /// <summary>Table port; 0 lets the OS choose.</summary>
    public int TablePort { get; init; }

    /// <summary>
    /// Directory for persistent data, or null to keep everything in memory.
    /// </summary>
    /// <remarks>
    /// One property instead of a flag plus a path, because Azurite exits on start when given
    /// both --location and --inMemoryPersistence; this way the invalid mix cannot be expressed.
    /// </remarks>
    public string? Location { get; init; }

    /// <summary>True when no <see cref="Location"/> is set.</summary>
    public bool InMemoryPersistence => Location is null;

    /// <summary>The azurite.js script; null means <see cref="AzuriteLocator.FindScript"/>.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>The Node.js executable; a bare name is looked up on PATH.</summary>
    public string NodeExecutable { get; init; } = "node";

    /// <summary>How long to wait for all three services to announce their ports.</summary>
    /// <remarks>Generous because a cold CI machine can take many seconds to load Node modules.</remarks>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
