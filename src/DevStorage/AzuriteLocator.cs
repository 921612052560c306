namespace DevStorage;

/// <summary>
/// Finds the Azurite entry script that <c>npm ci</c> puts under the repository root.
/// </summary>
/// <remarks>
/// Azurite is pinned in the repository's package.json rather than installed globally, so every
/// build output (tests, benchmark, sample) can find the same version by walking up to the root.
/// </remarks>
internal static class AzuriteLocator
{
    /// <summary>The script's path relative to the directory holding node_modules.</summary>
    public static readonly string RelativeScriptPath =
        Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> (default: <see cref="AppContext.BaseDirectory"/>)
    /// and returns the full path of the first Azurite script found, or null.
    /// </summary>
    public static string? FindScript(string? startDirectory = null)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(startDirectory ?? AppContext.BaseDirectory));
        for (DirectoryInfo? current = directory; current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, RelativeScriptPath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The explicit script if given, else the one found above the binaries or the working directory;
    /// throws <see cref="AzuriteNotInstalledException"/> when there is none.
    /// </summary>
    internal static string RequireScript(string? explicitPath)
    {
        // The working directory is a fallback for binaries built outside the repository but run from it.
        var scriptPath = explicitPath ?? FindScript() ?? FindScript(Environment.CurrentDirectory);
        if (scriptPath is null)
        {
            throw new AzuriteNotInstalledException(
                $"Azurite was not found: no {RelativeScriptPath} above {AppContext.BaseDirectory} "
                + $"or {Environment.CurrentDirectory}. " + AzuriteNotInstalledException.InstallAdvice);
        }

        if (!File.Exists(scriptPath))
        {
            throw new AzuriteNotInstalledException(
                $"Azurite was not found at {scriptPath}. " + AzuriteNotInstalledException.InstallAdvice);
        }

        return Path.GetFullPath(scriptPath);
    }
}
