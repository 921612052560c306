namespace Deployments.Server.Telemetry;

/// <summary>
/// <c>SelfHost:Metrics:Url</c>: where the Prometheus scrape endpoint listens, on a port of its own, by default
/// <c>http://127.0.0.1:9464</c> (OpenTelemetry's Prometheus port, loopback only); empty or <c>off</c> turns it off.
/// </summary>
/// <remarks>
/// Not on the API's port: Prometheus scrapes without our keys in the usual setup (as it scrapes Argo Rollouts or
/// Nomad), metrics carry no secrets, and off the API port the API's rule that every endpoint but health needs a key
/// holds unchanged. Bound to loopback unless configured otherwise, so exposing it is a decision. Port 0 picks a free one.
/// </remarks>
internal sealed record MetricsEndpointSettings(Uri? Url)
{
    public const string Setting = "SelfHost:Metrics:Url";
    public const string DefaultUrl = "http://127.0.0.1:9464";

    public bool Enabled => Url is not null;

    public static MetricsEndpointSettings From(IConfiguration configuration)
    {
        var value = configuration[Setting] ?? DefaultUrl;
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return new MetricsEndpointSettings((Uri?)null);
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"{Setting} must be an http:// address with a host and port and no path (like {DefaultUrl}), or 'off'; it is '{value}'.");
        }

        return new MetricsEndpointSettings(url);
    }
}
