using System.Collections.Concurrent;
using Deployments.Metrics.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Deployments.Metrics.Tests.Providers;

/// <summary>
/// The Prometheus provider against a real Kestrel answering as Prometheus's HTTP API does: what a real Prometheus
/// cannot easily be made to do (check a bearer token, answer a matrix or garbage) is checked here.
/// </summary>
public sealed class PrometheusApiTests : IAsyncLifetime
{
    private const string Vector =
        """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"s":"a"},"value":[1700000000.5,"0.25"]},{"metric":{"s":"b"},"value":[1700000000.5,"NaN"]},{"metric":{"s":"c"},"value":[1700000000.5,"+Inf"]},{"metric":{"s":"d"},"value":[1700000000.5,"-Inf"]}]}}""";

    private readonly ConcurrentQueue<string> queries = new();
    private LoopbackServer server = null!;

    public async ValueTask InitializeAsync() => server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/api/v1/query", (HttpRequest request) => Answer(request, "Bearer token-1"));
        app.MapGet("/azure/api/v1/query", (HttpRequest request) => Answer(request, "Bearer azure-token"));
        app.MapGet("/matrix/api/v1/query", () => Json("""{"status":"success","data":{"resultType":"matrix","result":[]}}"""));
        app.MapGet("/garbage/api/v1/query", () => Results.Text("<html>proxy login</html>", "text/html"));
        app.MapGet("/overloaded/api/v1/query", () => Results.Text(
            """{"status":"error","errorType":"unavailable","error":"too many queries"}""", "application/json", statusCode: 503));
    });

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Bearer_auth_sends_the_token_from_the_secret_setting_and_reads_every_series_of_a_vector_in_order()
    {
        var reader = Readers.Create(secrets: new Dictionary<string, string> { ["prometheus-token"] = "token-1" });
        var metric = new PrometheusMetric(server.Url("/"), "rate(x{app=\"{{app}}\"}[1m])", new PrometheusAuth(PrometheusAuthKind.Bearer, Secret: "prometheus-token"));

        var reading = await reader.ReadAsync(metric, new Dictionary<string, string> { ["app"] = "web" });

        Assert.Equal([0.25, double.NaN, double.PositiveInfinity, double.NegativeInfinity], reading.Values);
        Assert.Equal("rate(x{app=\"web\"}[1m])", Assert.Single(queries));
    }

    [Fact]
    public async Task Without_the_right_token_the_unauthorized_answer_fails_the_reading()
    {
        var reader = Readers.Create(secrets: new Dictionary<string, string> { ["prometheus-token"] = "wrong" });
        var metric = new PrometheusMetric(server.BaseAddress.AbsoluteUri, "up", new PrometheusAuth(PrometheusAuthKind.Bearer, Secret: "prometheus-token"));

        var failure = await Assert.ThrowsAsync<MetricProviderException>(() => reader.ReadAsync(metric));

        Assert.Equal($"Prometheus at {server.Url("/")} answered 401 Unauthorized.", failure.Message);
        Assert.DoesNotContain("wrong", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bearer_auth_whose_secret_setting_is_missing_fails_naming_the_setting()
    {
        var metric = new PrometheusMetric(server.BaseAddress.AbsoluteUri, "up", new PrometheusAuth(PrometheusAuthKind.Bearer, Secret: "absent"));

        var failure = await Assert.ThrowsAsync<MetricProviderException>(() => Readers.Create().ReadAsync(metric));

        Assert.Equal("The secret setting 'Secrets:absent' is not configured.", failure.Message);
        Assert.Empty(queries);
    }

    [Fact]
    public async Task Azure_auth_asks_for_the_managed_prometheus_scope_by_default_and_sends_the_token_as_bearer()
    {
        var credential = new FakeTokenCredential("azure-token");
        var metric = new PrometheusMetric(server.Url("/azure"), "up", new PrometheusAuth(PrometheusAuthKind.Azure));

        var reading = await Readers.Create(azure: credential).ReadAsync(metric);

        Assert.Equal(4, reading.Values.Count);
        Assert.Equal("https://prometheus.monitor.azure.com/.default", Assert.Single(credential.Scopes));
        Assert.Null(Assert.Single(credential.ClientIds));
    }

    [Fact]
    public async Task Azure_auth_asks_for_the_scope_and_identity_the_template_names()
    {
        var credential = new FakeTokenCredential("azure-token");
        var auth = new PrometheusAuth(PrometheusAuthKind.Azure, Scope: "api://metrics/.default", ClientId: "00000000-0000-0000-0000-000000000001");

        await Readers.Create(azure: credential).ReadAsync(new PrometheusMetric(server.Url("/azure/"), "up", auth));

        Assert.Equal("api://metrics/.default", Assert.Single(credential.Scopes));
        Assert.Equal("00000000-0000-0000-0000-000000000001", Assert.Single(credential.ClientIds));
    }

    [Fact]
    public async Task A_matrix_answer_fails_saying_an_instant_vector_or_scalar_is_needed()
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new PrometheusMetric(server.Url("/matrix"), "x[5m]")));

        Assert.StartsWith($"Prometheus at {server.Url("/matrix")} answered a matrix result;", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_fails_naming_the_address()
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new PrometheusMetric(server.Url("/garbage"), "up")));

        Assert.Equal($"Prometheus at {server.Url("/garbage")} answered 200 OK with something that is not JSON; is it a Prometheus API?", failure.Message);
    }

    [Fact]
    public async Task An_error_answer_fails_with_prometheus_own_error()
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new PrometheusMetric(server.Url("/overloaded"), "up")));

        Assert.Equal($"Prometheus at {server.Url("/overloaded")} refused the query (503 Service Unavailable): unavailable: too many queries", failure.Message);
    }

    [Fact]
    public async Task An_address_that_is_not_http_is_refused()
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new PrometheusMetric("unix:///var/run/prometheus.sock", "up")));

        Assert.Equal("The Prometheus address 'unix:///var/run/prometheus.sock' is not an absolute http or https URL.", failure.Message);
    }

    private IResult Answer(HttpRequest request, string expectedAuthorization)
    {
        if (request.Headers.Authorization.ToString() != expectedAuthorization)
        {
            return Results.StatusCode(401);
        }

        queries.Enqueue(request.Query["query"].ToString());
        return Json(Vector);
    }

    private static IResult Json(string json) => Results.Text(json, "application/json");
}
