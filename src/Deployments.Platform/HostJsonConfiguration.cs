using Microsoft.Extensions.Configuration;

namespace Deployments.Platform;

/// <summary>host.json as the Functions host reads it, for the hosts and the engine that read the same file.</summary>
public static class HostJsonConfiguration
{
    /// <summary>Where the Durable extension's settings sit once host.json is mapped under <c>AzureFunctionsJobHost</c>.</summary>
    public const string DurableTaskSection = "AzureFunctionsJobHost:extensions:durableTask";

    /// <summary>The task hub's name, which also prefixes the app's own tables; the extension's default when host.json has none.</summary>
    public static string HubName(IConfiguration configuration) => configuration[$"{DurableTaskSection}:hubName"] ?? "ControlPlane";

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
