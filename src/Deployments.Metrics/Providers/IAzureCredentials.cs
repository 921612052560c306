using Azure.Core;

namespace Deployments.Metrics.Providers;

/// <summary>
/// Where the Azure auth of a Prometheus query gets its credential. An interface (registered in DI) so tests can
/// hand in a credential that checks the requested scope without an Azure identity to ask.
/// </summary>
internal interface IAzureCredentials
{
    TokenCredential For(PrometheusAuth auth);
}
