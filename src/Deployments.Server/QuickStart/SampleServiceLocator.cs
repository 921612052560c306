using System.Reflection;

namespace Deployments.Server.QuickStart;

/// <summary>
/// Finds SampleService.dll in its own build output (the app's project builds it without referencing it):
/// <c>QuickStart:SampleServicePath</c> if set, else <c>src/SampleService/bin/{configuration}/net10.0</c> above this build.
/// </summary>
internal static class SampleServiceLocator
{
    public static string? Find(IConfiguration configuration)
    {
        if (configuration["QuickStart:SampleServicePath"] is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var build = typeof(SampleServiceLocator).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "SampleService", "bin", build, "net10.0", "SampleService.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
