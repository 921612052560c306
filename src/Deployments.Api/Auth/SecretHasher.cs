using System.Security.Cryptography;
using System.Text;

namespace Deployments.Api.Auth;

/// <summary>
/// Keys and tokens are stored only as salted SHA-256 hashes. The secrets are 256 random bits, so a fast
/// hash is enough (no password-style stretching needed); the per-secret salt keeps equal secrets apart.
/// Comparison is constant-time so response timing says nothing about how much of a guess was right.
/// </summary>
internal static class SecretHasher
{
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static HashedSecret Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new HashedSecret(Convert.ToBase64String(salt), Convert.ToBase64String(Digest(salt, secret)));
    }

    public static bool Verify(string presented, HashedSecret stored)
    {
        byte[] salt;
        byte[] expected;
        try
        {
            salt = Convert.FromBase64String(stored.Salt);
            expected = Convert.FromBase64String(stored.Hash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Digest(salt, presented), expected);
    }

    private static byte[] Digest(byte[] salt, string secret)
    {
        var text = Encoding.UTF8.GetBytes(secret);
        var salted = new byte[salt.Length + text.Length];
        salt.CopyTo(salted, 0);
        text.CopyTo(salted, salt.Length);
        return SHA256.HashData(salted);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed record HashedSecret(string Salt, string Hash);
