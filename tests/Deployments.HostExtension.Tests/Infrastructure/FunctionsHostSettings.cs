using System.Text;
using Microsoft.Extensions.Configuration;

namespace Deployments.HostExtension.Tests.Infrastructure;

/// <summary>
/// The configuration the Functions host gives its WebJobs extensions: host.json's content under
/// <c>AzureFunctionsJobHost</c>, which <c>AzureWebJobsConfigurationSection</c> names as the WebJobs root (the
/// host's <c>SetAzureFunctionsConfigurationRoot</c>), and the app settings beside it.
/// </summary>
/// <remarks>
/// Deployments.Platform's <c>AddFunctionsHostJson</c> maps the same prefix, but it reads a file path only (test B
/// starts from a variant held in memory) and referencing it would add the self-host's engine packages to a host
/// that should carry nothing but the Functions host's extension set.
/// </remarks>
internal static class FunctionsHostSettings
{
    public const string JobHostSection = "AzureFunctionsJobHost";

    public static IReadOnlyDictionary<string, string?> For(HostJson hostJson, string storageConnectionString)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsConfigurationSection"] = JobHostSection,
            ["AzureWebJobsStorage"] = storageConnectionString,
            // The app is an isolated worker (local.settings.sample.json); the extension picks its protocol
            // and entity queue layout by it.
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
        };
        foreach (var (key, value) in Flatten(hostJson))
        {
            settings[JobHostSection + ConfigurationPath.KeyDelimiter + key] = value;
        }

        return settings;
    }

    // The JSON configuration provider flattens objects to "a:b:c" keys the same way the host's host.json source does.
    private static List<KeyValuePair<string, string?>> Flatten(HostJson hostJson)
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(hostJson.ToJsonString()));
        return new ConfigurationBuilder().AddJsonStream(json).Build()
            .AsEnumerable()
            .Where(pair => pair.Value is not null)
            .ToList();
    }
}
