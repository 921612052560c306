using Microsoft.Extensions.Configuration;

namespace Deployments.Metrics.Providers;

/// <summary>
/// Secrets named by templates (bearer tokens, API keys) live in the host's configuration under <c>Secrets:</c>, so a
/// template stored in a table names a secret without holding it. Messages name the setting, never its value.
/// </summary>
internal static class SecretSettings
{
    public const string Section = "Secrets";

    public static string Read(IConfiguration configuration, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new MetricProviderException("A secret is referenced without a name.");
        }

        var key = $"{Section}:{name.Trim()}";
        var value = configuration[key];
        return string.IsNullOrEmpty(value)
            ? throw new MetricProviderException($"The secret setting '{key}' is not configured.")
            : value;
    }
}
