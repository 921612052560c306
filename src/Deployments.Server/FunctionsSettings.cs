using Deployments.Platform;

namespace Deployments.Server;

/// <summary>
/// Reads settings the way the Functions host does, so the Functions app's files configure the self-host
/// too: host.json (under AzureFunctionsJobHost), and the Values of local.settings.json as top-level
/// settings. Both are the repository root's, copied beside the build. Then the self-host's own
/// appsettings.json beside the build, whatever the working directory (its <c>SelfHost</c> section lays
/// crash-recovery settings the Functions host would refuse over host.json's). Environment variables and the
/// command line still win.
/// </summary>
internal static class FunctionsSettings
{
    public static void AddFunctionsFiles(this ConfigurationManager configuration, string directory, string[] args)
    {
        configuration.AddFunctionsHostJson(Path.Combine(directory, "host.json"));
        var localSettings = Path.Combine(directory, "local.settings.json");
        if (File.Exists(localSettings))
        {
            var values = new ConfigurationBuilder().AddJsonFile(localSettings, optional: true).Build().GetSection("Values");
            configuration.AddInMemoryCollection(values.AsEnumerable(makePathsRelative: true)
                .Where(pair => pair.Value is not null)
                .Select(pair => new KeyValuePair<string, string?>(pair.Key.Replace("__", ":", StringComparison.Ordinal), pair.Value)));
        }

        configuration.AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: true);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }
}
