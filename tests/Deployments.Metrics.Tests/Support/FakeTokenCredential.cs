using System.Collections.Concurrent;
using Azure.Core;
using Deployments.Metrics.Providers;

namespace Deployments.Metrics.Tests.Support;

/// <summary>Stands in for Azure.Identity: hands out a fixed token and records the scopes it was asked for and the auth it was chosen for.</summary>
internal sealed class FakeTokenCredential(string token) : TokenCredential, IAzureCredentials
{
    public ConcurrentQueue<string> Scopes { get; } = new();

    public ConcurrentQueue<string?> ClientIds { get; } = new();

    public TokenCredential For(PrometheusAuth auth)
    {
        ClientIds.Enqueue(auth.ClientId);
        return this;
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            Scopes.Enqueue(scope);
        }

        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
