using System.Security.Cryptography;

namespace TestSupport;

/// <summary>
/// Makes task hub names unique per test, so parallel tests can share one Azurite.
/// </summary>
/// <remarks>
/// A hub name ends up in table names (<c>{hub}History</c>: letters and digits, starting with a
/// letter) and, lowercased, in queue and container names (<c>{hub}-control-00</c>). Both cap at 63
/// characters, so 40 leaves room for the longest suffix.
/// </remarks>
public static class HubNames
{
    public const int MaxLength = 40;

    /// <summary>80 random bits: collisions are out of the question for any test run.</summary>
    private const int RandomLength = 20;

    private const string DefaultPrefix = "hub";

    public static string New(string? prefix = null)
    {
        var kept = new string((prefix ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray());
        if (kept.Length == 0)
        {
            kept = DefaultPrefix;
        }
        else if (!char.IsAsciiLetter(kept[0]))
        {
            kept = "h" + kept;
        }

        // Truncating the prefix rather than the random part keeps names unique at any prefix length.
        if (kept.Length > MaxLength - RandomLength)
        {
            kept = kept[..(MaxLength - RandomLength)];
        }

        return kept + RandomNumberGenerator.GetHexString(RandomLength, lowercase: true);
    }
}
