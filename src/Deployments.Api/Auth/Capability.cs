namespace Deployments.Api.Auth;

/// <summary>
/// What a key or token may do. Ordered: each capability includes the ones below it, so a token that may
/// submit deployments may also read them, and an admin may do everything.
/// </summary>
internal enum Capability
{
    Read = 1,
    Submit = 2,
    Admin = 3,
}

internal static class Capabilities
{
    public const string ClaimType = "capability";

    /// <summary>The namespace a principal acts in; <see cref="AllNamespaces"/> for the admin key and unscoped tokens.</summary>
    public const string NamespaceClaimType = "namespace";

    public const string AllNamespaces = "*";

    public static string Name(this Capability capability) => capability switch
    {
        Capability.Read => "read",
        Capability.Submit => "submit",
        Capability.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(capability)),
    };

    public static bool TryParse(string? value, out Capability capability)
    {
        (var known, capability) = value switch
        {
            "read" => (true, Capability.Read),
            "submit" => (true, Capability.Submit),
            "admin" => (true, Capability.Admin),
            _ => (false, default),
        };
        return known;
    }
}
