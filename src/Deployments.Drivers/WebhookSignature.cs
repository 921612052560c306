using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Deployments.Drivers;

/// <summary>
/// HMAC-SHA256 request signatures, the scheme GitHub and Stripe made familiar: the MAC covers
/// <c>timestamp + "." + body</c> so a captured request cannot be replayed once the timestamp is stale.
/// Used for requests to platforms, inbound webhooks and outgoing notifications alike, hence raw bytes.
/// </summary>
public static class WebhookSignature
{
    /// <summary>Carries <see cref="Sign"/>'s value; a receiver verifies it before trusting anything in the body.</summary>
    public const string SignatureHeader = "X-Signature-256";

    /// <summary>Carries the unix seconds the signature covers (<see cref="FormatTimestamp"/>); stale ones are refused.</summary>
    public const string TimestampHeader = "X-Signature-Timestamp";

    /// <summary>
    /// Names one logical request: every retry of it carries the same value, so a person can find it in the logs of
    /// either side. Not covered by the signature.
    /// </summary>
    public const string RequestIdHeader = "X-Request-Id";

    private const string Prefix = "sha256=";

    /// <summary>How far a timestamp may be from now unless a caller says otherwise.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The <c>X-Signature-256</c> header value: <c>sha256=</c> and the lowercase hex MAC.</summary>
    public static string Sign(string secret, long timestamp, byte[] body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        return Prefix + Convert.ToHexStringLower(ComputeMac(secret, timestamp, body));
    }

    /// <summary>
    /// True when <paramref name="signatureHeader"/> is the signature of this timestamp and body under the secret
    /// and the timestamp lies within <paramref name="tolerance"/> of <paramref name="now"/> (either side: clocks drift).
    /// </summary>
    public static bool Verify(string secret, long timestamp, byte[] body, string? signatureHeader, TimeSpan tolerance, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        if (!IsFresh(timestamp, tolerance, now) || !TryParseHeader(signatureHeader, out var presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(ComputeMac(secret, timestamp, body), presented);
    }

    /// <summary>Verify for a timestamp still in its header form; an unparsable timestamp fails verification.</summary>
    public static bool Verify(string secret, string? timestampHeader, byte[] body, string? signatureHeader, TimeSpan tolerance, DateTimeOffset now) =>
        long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
        && Verify(secret, timestamp, body, signatureHeader, tolerance, now);

    /// <summary>The timestamp header value for a moment: unix seconds.</summary>
    public static string FormatTimestamp(DateTimeOffset moment) =>
        moment.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static bool IsFresh(long timestamp, TimeSpan tolerance, DateTimeOffset now)
    {
        // In doubles: a hostile timestamp near long.MinValue must not wrap around into "fresh".
        var ageSeconds = (double)now.ToUnixTimeSeconds() - timestamp;
        return Math.Abs(ageSeconds) <= tolerance.TotalSeconds;
    }

    private static bool TryParseHeader(string? header, out byte[] mac)
    {
        mac = [];
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        try
        {
            mac = Convert.FromHexString(header.AsSpan(Prefix.Length));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] ComputeMac(string secret, long timestamp, byte[] body)
    {
        var stamp = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[stamp.Length + body.Length];
        stamp.CopyTo(signed, 0);
        body.CopyTo(signed, stamp.Length);
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
