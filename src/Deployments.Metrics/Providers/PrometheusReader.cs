namespace Deployments.Metrics.Providers;

/// <summary>Runs a template's instant query: <c>GET {address}/api/v1/query?query=…</c>, both filled with the arguments first.</summary>
internal sealed class PrometheusReader(IHttpClientFactory clients, PrometheusAuthorizer authorizer)
{
    public const string ClientName = "Deployments.Metrics.Prometheus";

    public async Task<MetricReading> ReadAsync(PrometheusMetric metric, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        var address = ProviderHttp.Absolute(ProviderHttp.Fill(metric.Address, arguments, "Prometheus address"), "Prometheus address");
        var query = ProviderHttp.Fill(metric.Query, arguments, "Prometheus query");
        var where = $"Prometheus at {ProviderHttp.Describe(address)}";

        // The API sits under the address's own path (a proxy's prefix, say); what the address's query held is dropped.
        var url = new UriBuilder(address) { Path = address.AbsolutePath.TrimEnd('/') + "/api/v1/query", Query = "query=" + Uri.EscapeDataString(query) }.Uri;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        await authorizer.AuthorizeAsync(request, metric.Auth, where, cancellationToken);
        var answer = await ProviderHttp.SendAsync(clients.CreateClient(ClientName), request, metric.Timeout, where, cancellationToken);
        return new MetricReading(PrometheusAnswer.Values(answer, where));
    }
}
