namespace Deployments.HostExtension.Tests.Infrastructure;

/// <summary>Files of the repository itself (not copies in a build output), found above the test binaries.</summary>
internal static class RepositoryFiles
{
    /// <summary>
    /// The host.json the Functions build ships (its project links this file into the script root), read from
    /// the source so a change to it is tested without rebuilding the app.
    /// </summary>
    public static string HostJson => Find("host.json");

    private static string Find(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            // The solution file marks the root, so a host.json inside some build output is never taken for it.
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                var candidate = Path.Combine(directory.FullName, fileName);
                return File.Exists(candidate)
                    ? candidate
                    : throw new FileNotFoundException($"{fileName} not found at the repository root {directory.FullName}.");
            }
        }

        throw new DirectoryNotFoundException($"No repository root (a folder with Functions.sln) above {AppContext.BaseDirectory}.");
    }
}
