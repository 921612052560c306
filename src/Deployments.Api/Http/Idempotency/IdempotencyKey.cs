using System.Security.Cryptography;
using System.Text;

namespace Deployments.Api.Http.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> header (IETF draft-ietf-httpapi-idempotency-key-header): a client-chosen
/// string, quoted or not, naming one intended request. Keys are stored hashed, so any printable text is a
/// safe table key, and scoped to the caller, so one client's key never replays another's response.
/// </summary>
internal static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on a response that is a replay of the first one, so a client can tell.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = 255;

    public static bool TryRead(string? header, out string key)
    {
        key = header is ['"', .. var inner, '"'] ? inner : header ?? string.Empty;
        return key.Length is > 0 and <= MaxLength && key.All(c => c is >= '!' and <= '~');
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>What makes a retry "the same request": method, path with query, and the body's exact bytes.</summary>
    public static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The body was buffered by the JSON body reader (or is buffered here, for an endpoint with no body).
        request.EnableBuffering();
        request.Body.Position = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
