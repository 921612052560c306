namespace Deployments.Cli.Connection;

/// <summary>A saved connection: which control plane, and the key (or scoped token) to present to it.</summary>
internal sealed record Profile(string Url, string Key);

/// <summary>The profiles file: named connections and the one used when none is named.</summary>
internal sealed record ProfilesFile(string? Current, Dictionary<string, Profile> Profiles)
{
    public static ProfilesFile Empty => new(null, new Dictionary<string, Profile>(StringComparer.Ordinal));
}
