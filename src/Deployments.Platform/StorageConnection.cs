using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Deployments.Platform;

/// <summary>
/// How to reach the storage account, read the way Azure Functions reads <c>AzureWebJobsStorage</c>:
/// either a connection string, or an identity-based section (<c>__accountName</c> or the per-service URIs).
/// </summary>
public sealed record StorageConnection(string? ConnectionString, Uri? TableUri, Uri? QueueUri, Uri? BlobUri, TokenCredential? Credential)
{
    public static StorageConnection FromConnectionString(string connectionString) => new(connectionString, null, null, null, null);

    public static StorageConnection FromConfiguration(IConfiguration configuration, string connectionName)
    {
        var value = configuration[connectionName] ?? configuration[$"Values:{connectionName}"];
        if (!string.IsNullOrWhiteSpace(value))
        {
            return FromConnectionString(value);
        }

        var section = configuration.GetSection(connectionName);
        var account = section["accountName"];
        Uri? Service(string key, string kind) =>
            section[key] is { } uri ? new Uri(uri)
            : account is null ? null
            : new Uri($"https://{account}.{kind}.core.windows.net");

        var table = Service("tableServiceUri", "table");
        var queue = Service("queueServiceUri", "queue");
        var blob = Service("blobServiceUri", "blob");
        if (table is null || queue is null || blob is null)
        {
            throw new InvalidOperationException(
                $"Storage connection '{connectionName}' is not configured: set it to a connection string, or set '{connectionName}__accountName' (or the table, queue and blob service URIs) for identity-based access.");
        }

        var clientId = section["clientId"];
        TokenCredential credential = section["credential"] == "managedidentity"
            ? ManagedIdentities.Credential(clientId)
            : new DefaultAzureCredential();
        return new StorageConnection(null, table, queue, blob, credential);
    }
}
