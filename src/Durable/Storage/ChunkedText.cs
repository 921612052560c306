using Azure.Data.Tables;

namespace Durable.Storage;

/// <summary>
/// Spreads a long text over numbered string properties of one entity (each property holds at most
/// 64 KiB), and puts it in a blob when even that would overflow the 1 MiB entity limit.
/// </summary>
internal static class ChunkedText
{
    private const int MaxChunks = 12;
    private const string BlobProperty = "Blob";

    public static async Task WriteAsync(TableEntity entity, string text, PayloadStore payloads, string instanceId, string kind)
    {
        if (text.Length > PayloadStore.MaxPropertyChars * MaxChunks)
        {
            entity[BlobProperty] = await payloads.StoreAsync(instanceId, kind, text);
            return;
        }

        var chunk = 0;
        for (var offset = 0; offset < text.Length || chunk == 0; offset += PayloadStore.MaxPropertyChars, chunk++)
        {
            entity[$"D{chunk}"] = text.Substring(offset, Math.Min(PayloadStore.MaxPropertyChars, text.Length - offset));
        }
    }

    public static async Task<string> ReadAsync(TableEntity entity, PayloadStore payloads)
    {
        if (entity.GetString(BlobProperty) is { } blobName)
        {
            return await payloads.LoadAsync(blobName);
        }

        var builder = new System.Text.StringBuilder();
        for (var chunk = 0; entity.GetString($"D{chunk}") is { } part; chunk++)
        {
            builder.Append(part);
        }

        return builder.ToString();
    }
}
