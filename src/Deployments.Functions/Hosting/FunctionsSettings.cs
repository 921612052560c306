using Deployments.Engine;

namespace Deployments.Functions.Hosting;

/// <summary>
/// Reads settings the way the Functions host does, so one set of files serves both modes: host.json
/// (under AzureFunctionsJobHost), and the Values of local.settings.json as top-level settings.
/// Environment variables and the command line still win.
/// </summary>
internal static class FunctionsSettings
{
    public static void AddFunctionsFiles(this ConfigurationManager configuration, string contentRoot, string[] args)
    {
        configuration.AddFunctionsHostJson(Path.Combine(contentRoot, "host.json"));
        var localSettings = Path.Combine(contentRoot, "local.settings.json");
        if (File.Exists(localSettings))
        {
            var values = new ConfigurationBuilder().AddJsonFile(localSettings, optional: true).Build().GetSection("Values");
            configuration.AddInMemoryCollection(values.AsEnumerable(makePathsRelative: true)
                .Where(pair => pair.Value is not null)
                .Select(pair => new KeyValuePair<string, string?>(pair.Key.Replace("__", ":", StringComparison.Ordinal), pair.Value)));
        }

        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }

    /// <summary>Under the Functions host the handler must listen where the host tells it to.</summary>
    public static string? CustomHandlerPort => Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT");

    public static bool UnderFunctionsHost => CustomHandlerPort is not null;
}
