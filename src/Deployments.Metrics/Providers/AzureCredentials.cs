using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;
using Deployments.Platform;

namespace Deployments.Metrics.Providers;

/// <summary>
/// The default credential chain, or the user-assigned managed identity a template names by client id. Each is made
/// once and kept: the credentials cache their tokens, and building the default chain probes the environment.
/// </summary>
internal sealed class AzureCredentials : IAzureCredentials
{
    private readonly Lazy<TokenCredential> defaultChain = new(() => new DefaultAzureCredential());
    private readonly ConcurrentDictionary<string, TokenCredential> byClientId = new(StringComparer.OrdinalIgnoreCase);

    public TokenCredential For(PrometheusAuth auth) =>
        string.IsNullOrWhiteSpace(auth.ClientId)
            ? defaultChain.Value
            : byClientId.GetOrAdd(auth.ClientId.Trim(), ManagedIdentities.Credential);
}
