using Azure.Storage.Blobs;

namespace Durable.Storage;

/// <summary>
/// Moves values too large for a table property or queue message into blobs, leaving a reference behind.
/// Blobs are named under the instance id so purging an instance removes its payloads too.
/// </summary>
internal sealed class PayloadStore(TaskHubStorage storage)
{
    /// <summary>Characters per table string property: the service allows 64 KiB of UTF-16.</summary>
    public const int MaxPropertyChars = 30_000;

    private const string ReferencePrefix = "blob:";

    public async Task<string> StoreAsync(string instanceId, string kind, string content)
    {
        var name = $"{instanceId}/{kind}-{Guid.NewGuid():N}.json";
        await storage.Payloads.GetBlobClient(name).UploadAsync(BinaryData.FromString(content), overwrite: true);
        return name;
    }

    public async Task<string> LoadAsync(string blobName)
    {
        var download = await storage.Payloads.GetBlobClient(blobName).DownloadContentAsync();
        return download.Value.Content.ToString();
    }

    /// <summary>A value for a single table property: itself when small, a blob reference when not.</summary>
    public async Task<string?> ToPropertyAsync(string instanceId, string kind, string? value) =>
        value is null || value.Length <= MaxPropertyChars ? value : ReferencePrefix + await StoreAsync(instanceId, kind, value);

    public async Task<string?> FromPropertyAsync(string? value) =>
        value is not null && value.StartsWith(ReferencePrefix, StringComparison.Ordinal) ? await LoadAsync(value[ReferencePrefix.Length..]) : value;

    public async Task DeleteInstanceAsync(string instanceId)
    {
        await foreach (var blob in storage.Payloads.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = instanceId + "/" }))
        {
            await storage.Payloads.DeleteBlobIfExistsAsync(blob.Name);
        }
    }

    public BlobContainerClient Container => storage.Payloads;
}
