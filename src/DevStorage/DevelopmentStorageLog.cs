using Microsoft.Extensions.Logging;

namespace DevStorage;

/// <summary>Log messages of <see cref="DevelopmentStorage"/>.</summary>
/// <remarks>Source-generated so that nothing is formatted or boxed when the level is off.</remarks>
internal static partial class DevelopmentStorageLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Development storage is already listening; using it as is.")]
    public static partial void AlreadyListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting Azurite on ports {BlobPort}/{QueuePort}/{TablePort} with data in {DataDirectory}.")]
    public static partial void Starting(ILogger logger, int blobPort, int queuePort, int tablePort, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite (pid {ProcessId}) is listening on ports {BlobPort}/{QueuePort}/{TablePort}.")]
    public static partial void Started(ILogger logger, int processId, int blobPort, int queuePort, int tablePort);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite could not bind, but development storage is now listening; using it.")]
    public static partial void LostRace(ILogger logger, Exception exception);
}
