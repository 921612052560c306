using Microsoft.Extensions.Configuration;

namespace Deployments.Engine;

public static class HostJsonConfiguration
{
    /// <summary>Reads host.json the way the Functions host exposes it (under <c>AzureFunctionsJobHost</c>), so the same file configures both hosts.</summary>
    public static IConfigurationBuilder AddFunctionsHostJson(this IConfigurationBuilder builder, string path = "host.json")
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return builder;
        }

        var hostJson = new ConfigurationBuilder().AddJsonFile(full, optional: false).Build();
        var prefixed = hostJson.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => new KeyValuePair<string, string?>("AzureFunctionsJobHost:" + pair.Key, pair.Value));
        return builder.AddInMemoryCollection(prefixed);
    }
}
