namespace DevStorage;

/// <summary>
/// Azurite (or Node.js to run it) is not available on this machine.
/// </summary>
/// <remarks>
/// A distinct type so test fixtures can tell "not installed here" (skip on a developer machine)
/// from "installed but broken" (always a failure).
/// </remarks>
public sealed class AzuriteNotInstalledException : Exception
{
    /// <summary>The advice every message ends with.</summary>
    public const string InstallAdvice =
        "Run `npm ci` (or `npm install`) at the repository root to install the Azurite version pinned in package.json.";

    public AzuriteNotInstalledException()
        : base("Azurite is not installed. " + InstallAdvice)
    {
    }

    public AzuriteNotInstalledException(string message)
        : base(message)
    {
    }

    public AzuriteNotInstalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
