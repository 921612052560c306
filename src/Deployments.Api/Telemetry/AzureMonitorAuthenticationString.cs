using Azure.Core;
using Deployments.Platform;

namespace Deployments.Api.Telemetry;

/// <summary>
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> as the Functions host reads it (<c>Authorization=AAD</c>, with
/// <c>ClientId=…</c> for a user-assigned identity, in any order): the exporter does not read it itself, so the worker
/// and the self-host turn it into the managed-identity credential here.
/// </summary>
public static class AzureMonitorAuthenticationString
{
    /// <summary>The credential the string asks for; none (the connection string's key) when it is absent or not AAD.</summary>
    public static TokenCredential? Credential(string? authenticationString)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (authenticationString ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Split('=', 2, StringSplitOptions.TrimEntries) is [var key, var value])
            {
                parts[key] = value;
            }
        }

        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return ManagedIdentities.Credential(parts.GetValueOrDefault("ClientId"));
    }
}
