using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Deployments.Platform;

/// <summary>
/// How to reach the storage account, read the way Azure Functions reads <c>AzureWebJobsStorage</c>:
/// either a connection string, or an identity-based section (<c>__accountName</c> or the per-service URIs).
/// </summary>
/// <param name="ConnectionString">The connection string; null when the connection is identity-based.</param>
/// <param name="TableUri">The table service's endpoint for identity-based access; null with a connection string.</param>
/// <param name="QueueUri">The queue service's endpoint for identity-based access; null with a connection string.</param>
/// <param name="BlobUri">The blob service's endpoint for identity-based access; null with a connection string.</param>
/// <param name="Credential">What authenticates identity-based requests; null with a connection string.</param>
public sealed record StorageConnection(string? ConnectionString, Uri? TableUri, Uri? QueueUri, Uri? BlobUri, TokenCredential? Credential)
{
    /// <summary>A connection by connection string alone (Azurite's, say), with no endpoints or credential.</summary>
    public static StorageConnection FromConnectionString(string connectionString) => new(connectionString, null, null, null, null);

    /// <summary>
    /// Reads the setting <paramref name="connectionName"/> as Functions does: a value (at the top level or under
    /// <c>Values:</c>, as local.settings.json nests it) is a connection string; a section is identity-based, with
    /// endpoints from <c>accountName</c> unless a service's URI is given, and the managed identity when
    /// <c>credential</c> is <c>managedidentity</c> (else <see cref="DefaultAzureCredential"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting is missing, or a section names no account and not all three service URIs.</exception>
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
