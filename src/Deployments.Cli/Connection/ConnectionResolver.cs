namespace Deployments.Cli.Connection;

/// <summary>
/// Works out the connection: --url/--key first, then DEPLOYCTL_URL/DEPLOYCTL_KEY, then the profile named by
/// --profile or DEPLOYCTL_PROFILE, else the profile last logged in to; the URL defaults to the quick start's.
/// </summary>
internal static class ConnectionResolver
{
    public const string DefaultUrl = "http://localhost:7071";

    public static ConnectionSettings Resolve(string? url, string? key, string? profileName, CliEnvironment environment)
    {
        var profiles = new ProfileStore(environment.ProfilesPath).Load();
        var name = profileName ?? environment.Variable("DEPLOYCTL_PROFILE");
        Profile? profile = null;
        if (name is not null && !profiles.Profiles.TryGetValue(name, out profile))
        {
            throw new ConnectionException($"No profile '{name}' in {environment.ProfilesPath}: run 'deployctl login --profile {name} --url <url>'.");
        }

        if (name is null && profiles.Current is { } current)
        {
            profiles.Profiles.TryGetValue(current, out profile);
        }

        var chosenUrl = url ?? environment.Variable("DEPLOYCTL_URL") ?? profile?.Url ?? DefaultUrl;
        var chosenKey = key ?? environment.Variable("DEPLOYCTL_KEY") ?? profile?.Key;
        if (string.IsNullOrEmpty(chosenKey))
        {
            throw new ConnectionException("No key: pass --key, set DEPLOYCTL_KEY, or run 'deployctl login'.");
        }

        return new ConnectionSettings(ParseUrl(chosenUrl), chosenKey);
    }

    public static Uri ParseUrl(string url) =>
        Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            ? parsed
            : throw new ConnectionException($"'{url}' is not an http(s) URL such as {DefaultUrl}.");
}
