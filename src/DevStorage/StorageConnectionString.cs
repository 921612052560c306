namespace DevStorage;

/// <summary>
/// The few parts of an Azure Storage connection string that decide whether it targets an emulator.
/// </summary>
/// <remarks>
/// Parsed by hand so this library needs no Azure SDK: the format is just <c>key=value</c> pairs
/// separated by semicolons, with case-insensitive keys and values that may contain '=' (keys in base64).
/// </remarks>
internal sealed record StorageConnectionString(
    bool UseDevelopmentStorage,
    string? AccountName,
    Uri? BlobEndpoint,
    Uri? QueueEndpoint,
    Uri? TableEndpoint)
{
    public static StorageConnectionString Parse(string connectionString)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }

        return new StorageConnectionString(
            values.TryGetValue("UseDevelopmentStorage", out var useDev) && bool.TryParse(useDev, out var flag) && flag,
            values.GetValueOrDefault("AccountName"),
            Endpoint(values, "BlobEndpoint"),
            Endpoint(values, "QueueEndpoint"),
            Endpoint(values, "TableEndpoint"));
    }

    /// <summary>The endpoints that are present; the default emulator ports for the shorthand.</summary>
    public IReadOnlyList<Uri> Endpoints()
    {
        if (UseDevelopmentStorage)
        {
            return
            [
                Loopback(DevelopmentStorageAccount.DefaultBlobPort),
                Loopback(DevelopmentStorageAccount.DefaultQueuePort),
                Loopback(DevelopmentStorageAccount.DefaultTablePort),
            ];
        }

        return new[] { BlobEndpoint, QueueEndpoint, TableEndpoint }.OfType<Uri>().ToArray();
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port}/{DevelopmentStorageAccount.Name}");

    private static Uri? Endpoint(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
}
