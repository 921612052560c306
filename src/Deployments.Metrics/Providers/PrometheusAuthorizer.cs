using System.Net.Http.Headers;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Deployments.Metrics.Providers;

/// <summary>Puts a Prometheus query's credentials on its request: none, a bearer token from a secret setting, or an Entra token.</summary>
internal sealed class PrometheusAuthorizer(IConfiguration configuration, IAzureCredentials credentials)
{
    /// <summary>Azure Monitor managed Prometheus's query scope.</summary>
    public const string DefaultAzureScope = "https://prometheus.monitor.azure.com/.default";

    public async Task AuthorizeAsync(HttpRequestMessage request, PrometheusAuth? auth, string where, CancellationToken cancellationToken)
    {
        switch (auth?.Kind ?? PrometheusAuthKind.None)
        {
            case PrometheusAuthKind.None:
                return;
            case PrometheusAuthKind.Bearer:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecretSettings.Read(configuration, auth!.Secret));
                return;
            case PrometheusAuthKind.Azure:
                var token = await AzureTokenAsync(auth!, where, cancellationToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return;
            default:
                throw new MetricProviderException($"The auth kind '{auth!.Kind}' of {where} is not known.");
        }
    }

    private async Task<string> AzureTokenAsync(PrometheusAuth auth, string where, CancellationToken cancellationToken)
    {
        var scope = string.IsNullOrWhiteSpace(auth.Scope) ? DefaultAzureScope : auth.Scope;
        try
        {
            var token = await credentials.For(auth).GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
            return token.Token;
        }
        catch (AuthenticationFailedException failed)
        {
            // Also CredentialUnavailableException (no identity here): a query without its token would only be refused.
            throw new MetricProviderException($"No Azure token for scope {scope} to query {where}: {failed.Message}", failed);
        }
    }
}
