namespace Deployments.Drivers.Webhooks;

/// <summary>The webhook driver's reading of a cluster's settings. Printing it never prints the secret.</summary>
internal sealed class WebhookClusterSettings
{
    public const string EndpointSetting = "endpoint";
    public const string SecretSetting = "secret";

    private WebhookClusterSettings(string clusterId, Uri endpoint, string secret)
    {
        ClusterId = clusterId;
        Endpoint = endpoint;
        Secret = secret;
    }

    public string ClusterId { get; }

    public Uri Endpoint { get; }

    public string Secret { get; }

    public static WebhookClusterSettings From(ClusterTarget cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var endpointText = cluster.GetSetting(EndpointSetting)
            ?? throw new TargetDriverConfigurationException(cluster.ClusterId, EndpointSetting, "is required by the webhook driver");
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new TargetDriverConfigurationException(cluster.ClusterId, EndpointSetting, "must be an absolute http(s) URL");
        }

        var secret = cluster.GetSetting(SecretSetting)
            ?? throw new TargetDriverConfigurationException(cluster.ClusterId, SecretSetting, "is required by the webhook driver");
        return new WebhookClusterSettings(cluster.ClusterId, endpoint, secret);
    }

    /// <summary>A URL under the endpoint; the endpoint may carry a base path of its own.</summary>
    public Uri Resolve(string relativePath) => new(Endpoint.AbsoluteUri.TrimEnd('/') + "/" + relativePath.TrimStart('/'));

    public override string ToString() => $"webhook cluster '{ClusterId}' at {Endpoint} (secret redacted)";
}
