namespace Deployments.Cli.Connection;

/// <summary>The control plane to talk to and the key to present; where each came from, for error messages.</summary>
internal sealed record ConnectionSettings(Uri BaseAddress, string Key);

/// <summary>The connection could not be worked out (no key anywhere, an unknown profile, a malformed URL).</summary>
internal sealed class ConnectionException(string message) : Exception(message);
