using System.Reflection;

namespace Deployments.Drivers.Tests.Support;

/// <summary>
/// Where the build put SampleService.dll: src/SampleService/bin/{Configuration}/net10.0, found by walking up from the
/// test binaries to the repository root, in the configuration these tests were built in.
/// </summary>
internal static class SampleServiceBinary
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Path => Located.Value;

    private static string Locate()
    {
        var configuration = typeof(SampleServiceBinary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "src", "SampleService", "bin", configuration, "net10.0", "SampleService.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"SampleService.dll ({configuration}) not found above {AppContext.BaseDirectory}; build src/SampleService first.");
    }
}
