using System.Text.Json.Serialization;

namespace Deployments.Metrics;

/// <summary>Where a metric's value comes from: exactly one of the providers is set.</summary>
public sealed record MetricProvider
{
    /// <summary>An instant query against a Prometheus HTTP API.</summary>
    public PrometheusMetric? Prometheus { get; init; }

    /// <summary>A JSON endpoint read over HTTP(S).</summary>
    public WebMetric? Web { get; init; }

    /// <summary>The provider's name as templates spell it: "prometheus" or "web". Derived, so never written or read as a field.</summary>
    [JsonIgnore]
    public string Kind => Prometheus is not null ? "prometheus" : Web is not null ? "web" : "none";
}

/// <summary>An instant query (<c>/api/v1/query</c>); a scalar answers one value, a vector one per series.</summary>
/// <param name="Address">Base address of the Prometheus API, e.g. http://127.0.0.1:9090; may hold {{args}}.</param>
/// <param name="Query">PromQL; may hold {{args}}.</param>
/// <param name="Auth">How to authenticate; none when null.</param>
/// <param name="Timeout">How long one query may take; 10 s when null.</param>
public sealed record PrometheusMetric(string Address, string Query, PrometheusAuth? Auth = null, TimeSpan? Timeout = null);

/// <summary>How a Prometheus query authenticates.</summary>
/// <param name="Kind">None, a bearer token from a secret setting, or an Entra token (Azure Monitor managed Prometheus).</param>
/// <param name="Secret">Bearer: name of the secret setting (configuration key <c>Secrets:{name}</c>) holding the token.</param>
/// <param name="Scope">Azure: token scope; https://prometheus.monitor.azure.com/.default when null.</param>
/// <param name="ClientId">Azure: client id of a user-assigned managed identity; the default credential chain when null.</param>
public sealed record PrometheusAuth(PrometheusAuthKind Kind, string? Secret = null, string? Scope = null, string? ClientId = null);

/// <summary>The ways a Prometheus query authenticates.</summary>
public enum PrometheusAuthKind
{
    /// <summary>No credentials.</summary>
    None,

    /// <summary><c>Authorization: Bearer</c> with a token from a secret setting.</summary>
    Bearer,

    /// <summary>An Entra token through Azure.Identity.</summary>
    Azure,
}

/// <summary>An HTTP(S) GET or POST to a JSON endpoint; the value is picked by a JSON path.</summary>
/// <param name="Url">Absolute http(s) URL; may hold {{args}}.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Headers">Request headers; values may hold {{args}}. A value of the form <c>secret:NAME</c> is read from the secret setting NAME.</param>
/// <param name="Body">POST body (JSON); may hold {{args}}.</param>
/// <param name="JsonPath">Path to the value, e.g. <c>$.data.error_rate</c> or <c>$.series[0].value</c>; a number or an array of numbers.</param>
/// <param name="Timeout">How long one request may take; 10 s when null.</param>
public sealed record WebMetric(string Url, string Method = "GET", IReadOnlyDictionary<string, string>? Headers = null, string? Body = null, string JsonPath = "$", TimeSpan? Timeout = null);
