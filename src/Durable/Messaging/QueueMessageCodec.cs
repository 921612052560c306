using Durable.Storage;

namespace Durable.Messaging;

/// <summary>
/// Turns task messages into queue message text and back. A message too large for a queue (64 KiB)
/// travels as a reference to a blob holding its body.
/// </summary>
internal sealed class QueueMessageCodec(PayloadStore payloads)
{
    private const int MaxInlineChars = 45_000;

    public async Task<string> EncodeAsync(TaskMessage message)
    {
        var json = DurableJson.Serialize(new QueueEnvelope(message, null, message.InstanceId))!;
        if (json.Length <= MaxInlineChars)
        {
            return json;
        }

        var blob = await payloads.StoreAsync(message.InstanceId, "message", DurableJson.Serialize(message)!);
        return DurableJson.Serialize(new QueueEnvelope(null, blob, message.InstanceId))!;
    }

    public async Task<TaskMessage> DecodeAsync(string text)
    {
        var envelope = DurableJson.Deserialize<QueueEnvelope>(text)
            ?? throw new FormatException("The queue message is empty.");
        if (envelope.Message is { } inline)
        {
            return inline;
        }

        if (envelope.Blob is { } blob)
        {
            return DurableJson.Deserialize<TaskMessage>(await payloads.LoadAsync(blob))
                ?? throw new FormatException($"The message body in blob '{blob}' is empty.");
        }

        throw new FormatException("The queue message holds neither a message nor a blob reference.");
    }

    /// <summary>Reads only the instance id, for poison handling of a message whose body cannot be decoded.</summary>
    public static string? TryReadInstanceId(string text)
    {
        try
        {
            return DurableJson.Deserialize<QueueEnvelope>(text)?.InstanceId;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record QueueEnvelope(TaskMessage? Message, string? Blob, string? InstanceId);
}
