using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Deployments.Cli.Http;

/// <summary>A successful answer: its status, the API's JSON exactly as sent (for <c>-o json</c>) and the blocking-query index.</summary>
internal sealed record ApiResult(HttpStatusCode Status, string Body, long? ModifyIndex, Uri? Location)
{
    public JsonElement Json => Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement.Clone();

    public T As<T>() => JsonSerializer.Deserialize<T>(Body, CliJson.Options) ?? throw new JsonException("The API answered with an empty body.");

    public static long? ParseIndex(string? header) =>
        long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
}
