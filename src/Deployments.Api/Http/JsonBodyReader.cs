using System.Text.Json;
using Deployments.Refusals;

namespace Deployments.Api.Http;

/// <summary>
/// Reads a request body in full before anything acts on it: JSON content type, valid UTF-8, well-formed,
/// within <see cref="RequestLimits"/>, and of the request's shape. Anything else is refused as a 400 that
/// names the field (413 above the size limit, 415 for another content type), so bad input never reaches
/// a write. The body is left rewound for the idempotency filter, which hashes the same bytes.
/// </summary>
internal sealed class JsonBodyReader(StrictJson json)
{
    public async Task<(T? Value, JsonElement? Raw)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await ReadBytesAsync(request, cancellationToken);
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, null);
        }

        if (!request.HasJsonContentType() && request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<BodyIsJsonWhateverItsType>() is null)
        {
            throw new BadHttpRequestException("Send the body as application/json.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw Invalid(JsonErrors.BodyField, "is not valid UTF-8");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = RequestLimits.MaxDepth });
            root = document.RootElement.Clone();
        }
        catch (JsonException malformed)
        {
            throw Invalid(JsonErrors.BodyField, $"is not valid JSON: {JsonErrors.From(malformed).Message}");
        }

        if (root.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(JsonErrors.BodyField, "must be a JSON object");
        }

        var type = json.Options.GetTypeInfo(typeof(T));
        if (JsonShapeCheck.Check(root, type) is { Count: > 0 } errors)
        {
            throw new ValidationException(errors);
        }

        try
        {
            return ((T?)root.Deserialize(type), root);
        }
        catch (JsonException wrong)
        {
            throw new ValidationException([JsonErrors.From(wrong)]);
        }
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Kestrel enforces RequestLimits.MaxBodyBytes while this reads, throwing a 413 BadHttpRequestException.
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        request.Body.Position = 0;
        return buffer.ToArray();
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationError(field, message)]);
}
