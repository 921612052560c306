using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DevStorage;

/// <summary>
/// Recognises emulator connection strings and makes sure an emulator answers on them.
/// </summary>
public static class DevelopmentStorage
{
    /// <summary>The SDK shorthand for the emulator on its well-known ports.</summary>
    public const string ShorthandConnectionString = "UseDevelopmentStorage=true";

    /// <summary>Loopback refuses closed ports at once; the timeout only matters for a silent host.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Azurite on its well-known ports 10000 (blob), 10001 (queue), 10002 (table).</summary>
    public static string DefaultConnectionString { get; } = DevelopmentStorageAccount.ConnectionString(
        DevelopmentStorageAccount.DefaultBlobPort,
        DevelopmentStorageAccount.DefaultQueuePort,
        DevelopmentStorageAccount.DefaultTablePort);

    /// <summary>
    /// True for <c>UseDevelopmentStorage=true</c> and for devstoreaccount1 with every endpoint on loopback.
    /// </summary>
    public static bool IsDevelopmentStorage(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return IsDevelopmentStorage(StorageConnectionString.Parse(connectionString));
    }

    /// <summary>
    /// True when every endpoint of a development-storage connection string accepts TCP connections.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is not development storage.</exception>
    public static async Task<bool> IsListeningAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parsed = StorageConnectionString.Parse(connectionString);
        if (!IsDevelopmentStorage(parsed))
        {
            // Probing a cloud account's endpoints would say nothing useful and leak a connection attempt.
            throw new ArgumentException("Not a development storage connection string.", nameof(connectionString));
        }

        return await IsListeningAsync(parsed, cancellationToken);
    }

    /// <summary>
    /// Starts Azurite when <paramref name="connectionString"/> is development storage and nothing
    /// listens on its ports; data persists in <paramref name="dataDirectory"/>.
    /// </summary>
    /// <returns>
    /// A lease with the explicit connection string; it owns (and on dispose stops) the emulator only
    /// if this call started one.
    /// </returns>
    public static async Task<DevelopmentStorageLease> EnsureRunningAsync(
        string connectionString,
        string dataDirectory,
        ILogger? logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        logger ??= NullLogger.Instance;

        var parsed = StorageConnectionString.Parse(connectionString);
        if (!IsDevelopmentStorage(parsed))
        {
            return new DevelopmentStorageLease(connectionString, emulator: null);
        }

        var explicitConnectionString = parsed.UseDevelopmentStorage ? DefaultConnectionString : connectionString;
        if (await IsListeningAsync(parsed, cancellationToken))
        {
            DevelopmentStorageLog.AlreadyListening(logger);
            return new DevelopmentStorageLease(explicitConnectionString, emulator: null);
        }

        var location = Path.GetFullPath(dataDirectory);
        var options = new AzuriteOptions
        {
            BlobPort = PortOf(parsed, parsed.BlobEndpoint, DevelopmentStorageAccount.DefaultBlobPort),
            QueuePort = PortOf(parsed, parsed.QueueEndpoint, DevelopmentStorageAccount.DefaultQueuePort),
            TablePort = PortOf(parsed, parsed.TableEndpoint, DevelopmentStorageAccount.DefaultTablePort),
            Location = location,
        };

        DevelopmentStorageLog.Starting(logger, options.BlobPort, options.QueuePort, options.TablePort, location);

        AzuriteProcess emulator;
        try
        {
            emulator = await AzuriteProcess.StartAsync(options, cancellationToken);
        }
        catch (AzuriteStartException ex)
        {
            // Another process may have won the race for the ports (sample and benchmark started
            // together): its emulator serves us just as well, and it is its job to stop it.
            if (!await BecomesListeningAsync(parsed, cancellationToken))
            {
                throw;
            }

            DevelopmentStorageLog.LostRace(logger, ex);
            return new DevelopmentStorageLease(explicitConnectionString, emulator: null);
        }

        DevelopmentStorageLog.Started(logger, emulator.ProcessId, emulator.BlobPort, emulator.QueuePort, emulator.TablePort);
        return new DevelopmentStorageLease(emulator.ConnectionString, emulator);
    }

    private static bool IsDevelopmentStorage(StorageConnectionString parsed)
    {
        if (parsed.UseDevelopmentStorage)
        {
            return true;
        }

        var endpoints = parsed.Endpoints();
        return string.Equals(parsed.AccountName, DevelopmentStorageAccount.Name, StringComparison.OrdinalIgnoreCase)
            && endpoints.Count > 0
            && endpoints.All(endpoint => endpoint.IsLoopback);
    }

    private static async Task<bool> IsListeningAsync(StorageConnectionString parsed, CancellationToken cancellationToken)
    {
        var probes = parsed.Endpoints()
            .Select(endpoint => PortProbe.IsOpenAsync(endpoint.Host, endpoint.Port, ProbeTimeout, cancellationToken));
        var results = await Task.WhenAll(probes);
        return results.All(open => open);
    }

    /// <summary>
    /// Polls briefly, because a rival Azurite binds its three ports one after another and may
    /// still be binding the last when ours has already failed on the first.
    /// </summary>
    private static async Task<bool> BecomesListeningAsync(StorageConnectionString parsed, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await IsListeningAsync(parsed, cancellationToken))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
        }

        return false;
    }

    /// <summary>
    /// The port to start a service on: the endpoint's, the well-known one for the shorthand, or
    /// dynamic (0) for a service the connection string leaves out, so it cannot collide with anything.
    /// </summary>
    private static int PortOf(StorageConnectionString parsed, Uri? endpoint, int wellKnownPort) =>
        parsed.UseDevelopmentStorage ? wellKnownPort : endpoint?.Port ?? 0;
}
