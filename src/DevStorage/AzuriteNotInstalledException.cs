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

    /// <summary>The general message with <see cref="InstallAdvice"/>, for when no more is known than that it is missing.</summary>
    public AzuriteNotInstalledException()
        : base("Azurite is not installed. " + InstallAdvice)
    {
    }

    /// <param name="message">Says what was missing and where it was looked for; it should end with <see cref="InstallAdvice"/>.</param>
    public AzuriteNotInstalledException(string message)
        : base(message)
    {
    }

    /// <inheritdoc cref="AzuriteNotInstalledException(string)"/>
    /// <param name="innerException">Why starting it failed, e.g. Node.js could not be executed.</param>
    public AzuriteNotInstalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
