using Azure.Core;
using Azure.Identity;
using Deployments.Metrics.Providers;
using Deployments.Metrics.Tests.Support;

namespace Deployments.Metrics.Tests.Providers;

public sealed class MetricReaderTests
{
    [Fact]
    public async Task A_provider_naming_neither_or_both_kinds_is_refused()
    {
        var reader = Readers.Create();
        var both = new MetricProvider { Prometheus = new PrometheusMetric("http://127.0.0.1:1", "up"), Web = new WebMetric("http://127.0.0.1:1") };

        var none = await Assert.ThrowsAsync<MetricProviderException>(() => reader.ReadAsync(new MetricProvider(), Readers.NoArguments, CancellationToken.None));
        var two = await Assert.ThrowsAsync<MetricProviderException>(() => reader.ReadAsync(both, Readers.NoArguments, CancellationToken.None));

        Assert.Equal("The metric names no provider; set prometheus or web.", none.Message);
        Assert.Equal("The metric names two providers (prometheus and web); set exactly one.", two.Message);
    }

    [Fact]
    public async Task An_azure_credential_that_cannot_give_a_token_fails_the_reading_naming_the_scope()
    {
        var reader = Readers.Create(azure: new UnavailableCredentials());
        var metric = new PrometheusMetric("http://127.0.0.1:1", "up", new PrometheusAuth(PrometheusAuthKind.Azure));

        var failure = await Assert.ThrowsAsync<MetricProviderException>(() => reader.ReadAsync(metric));

        Assert.StartsWith(
            "No Azure token for scope https://prometheus.monitor.azure.com/.default to query Prometheus at http://127.0.0.1:1/: no identity here",
            failure.Message,
            StringComparison.Ordinal);
    }

    /// <summary>What Azure.Identity does on a machine without an identity: refuse with CredentialUnavailableException.</summary>
    private sealed class UnavailableCredentials : TokenCredential, IAzureCredentials
    {
        public TokenCredential For(PrometheusAuth auth) => this;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new CredentialUnavailableException("no identity here");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new CredentialUnavailableException("no identity here");
    }
}
