using System.Globalization;

namespace DevStorage;

/// <summary>
/// The fixed account every storage emulator serves, and connection strings for it.
/// </summary>
internal static class DevelopmentStorageAccount
{
    /// <summary>The emulator's only account.</summary>
    public const string Name = "devstoreaccount1";

    /// <summary>The emulator's published, well-known key; not a secret.</summary>
    public const string Key =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const int DefaultBlobPort = 10000;

    public const int DefaultQueuePort = 10001;

    public const int DefaultTablePort = 10002;

    /// <summary>
    /// An explicit connection string for the account on 127.0.0.1 with the given ports.
    /// </summary>
    /// <remarks>
    /// Explicit endpoints instead of <c>UseDevelopmentStorage=true</c> so that neither the ports nor
    /// the host depend on how a particular SDK version expands that shorthand.
    /// </remarks>
    public static string ConnectionString(int blobPort, int queuePort, int tablePort) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={Name};AccountKey={Key};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Name};"
            + $"QueueEndpoint=http://127.0.0.1:{queuePort}/{Name};"
            + $"TableEndpoint=http://127.0.0.1:{tablePort}/{Name};");
}
