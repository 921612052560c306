using System.Reflection;

namespace TestSupport;

/// <summary>
/// Finds another project's build output (for programs the tests run as real child processes) by walking
/// up from the test binaries to the repository root, in the configuration the tests were built in.
/// </summary>
public static class BuildOutputs
{
    public static string Find(string projectDirectory, string fileName, Assembly? testAssembly = null)
    {
        var configuration = (testAssembly ?? Assembly.GetCallingAssembly()).GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, projectDirectory, "bin", configuration, "net10.0", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{fileName} ({configuration}) not found under {projectDirectory} above {AppContext.BaseDirectory}; build it first.");
    }

    public static string SampleService => Find(Path.Combine("src", "SampleService"), "SampleService.dll", Assembly.GetCallingAssembly());
}
