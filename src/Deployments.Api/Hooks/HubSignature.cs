using System.Security.Cryptography;
using System.Text;

namespace Deployments.Api.Hooks;

/// <summary>
/// GitHub's webhook signature: <c>X-Hub-Signature-256: sha256=</c> and the hex HMAC-SHA256 of the raw body
/// under the shared secret. Unlike <see cref="Deployments.Drivers.WebhookSignature"/> no timestamp is signed
/// (GitHub sends none); a replayed request is harmless because its delivery id is recorded.
/// </summary>
internal static class HubSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, byte[] body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Constant-time: the time taken says nothing about how many leading bytes of a forgery were right.</summary>
    public static bool Verify(string secret, byte[] body, string? header)
    {
        if (header is null || header.Length != Prefix.Length + 64 || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body), presented);
    }
}
