namespace Deployments.Api.Auth;

/// <summary>
/// A scoped API token as the tokens API shows it: never its value, which is returned once at creation.
/// <see cref="Namespace"/> is one namespace, or <c>*</c> for all of them.
/// </summary>
internal sealed record AccessToken(
    string Id,
    string Name,
    string Namespace,
    IReadOnlyList<string> Capabilities,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBy = null)
{
    public Capability Highest => Capabilities.Select(c => Auth.Capabilities.TryParse(c, out var parsed) ? parsed : 0).DefaultIfEmpty().Max();

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expiry || expiry > now);
}

/// <summary>The one response that carries a token's value.</summary>
internal sealed record CreatedAccessToken(AccessToken Token, string Value);

/// <summary>
/// A token value is <c>cpt_{id}_{secret}</c>: the id finds the stored hash with one point read, and the
/// prefix tells a token from the admin key (and makes leaked tokens easy for secret scanners to spot).
/// </summary>
internal static class TokenValue
{
    public const string Prefix = "cpt_";

    public static string Format(string id, string secret) => $"{Prefix}{id}_{secret}";

    public static bool TryParse(string value, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = value.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != AccessTokenStore.IdLength || !rest[..separator].ContainsOnlyHex())
        {
            return false;
        }

        id = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return secret.Length > 0;
    }

    private static bool ContainsOnlyHex(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
