using System.Text.Json;
using Deployments.Metrics.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TestSupport;

namespace Deployments.Metrics.Tests.Providers;

/// <summary>The web provider against a real Kestrel on 127.0.0.1.</summary>
public sealed class WebMetricTests : IAsyncLifetime
{
    private LoopbackServer server = null!;

    public async ValueTask InitializeAsync() => server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/rate", () => Results.Text("""{"data":{"error_rate":0.02}}""", "application/json"));
        app.MapGet("/series", () => Results.Text("""{"series":[{"value":"0.5"},{"value":1.5}],"values":[1,"2.5",-3]}""", "application/json"));
        app.MapGet("/odd", () => Results.Text("""{"text":"high","flag":true,"mixed":[1,"x"],"none":null,"empty":[]}""", "application/json"));
        app.MapPost("/double", async (HttpRequest request) =>
        {
            // Answers only a JSON body, so the test also shows the content type the provider sends.
            if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
            {
                return Results.StatusCode(415);
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            return Results.Text($$"""{"result":{{body.RootElement.GetProperty("x").GetDouble() * 2}}}""", "application/json");
        });
        app.MapGet("/headers", (HttpRequest request) => Results.Json(new
        {
            key = request.Headers["X-Api-Key"].ToString() == "k-123" ? 1 : 0,
            tenant = request.Headers["X-Tenant"].ToString() == "blue" ? 1 : 0,
        }));
        app.MapGet("/slow", async (HttpContext context) =>
        {
            // Never answers: only the client's timeout (which aborts the request) ends it.
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        app.MapGet("/text", () => Results.Text("hello, not json", "text/plain"));
        app.MapGet("/fails", () => Results.StatusCode(503));
        app.MapGet("/moved", () => Results.Redirect("/rate"));
    });

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Get_reads_the_number_at_the_json_path()
    {
        var reading = await Readers.Create().ReadAsync(new WebMetric(server.Url("/rate"), JsonPath: "$.data.error_rate"));

        Assert.Equal([0.02], reading.Values);
    }

    [Fact]
    public async Task Get_reads_a_numeric_string_and_an_array_of_numbers_and_numeric_strings()
    {
        var reader = Readers.Create();

        Assert.Equal([0.5], (await reader.ReadAsync(new WebMetric(server.Url("/series"), JsonPath: "$.series[0].value"))).Values);
        Assert.Equal([1.5], (await reader.ReadAsync(new WebMetric(server.Url("/series"), JsonPath: "$['series'][1]['value']"))).Values);
        Assert.Equal([1, 2.5, -3], (await reader.ReadAsync(new WebMetric(server.Url("/series"), JsonPath: "$.values"))).Values);
        Assert.Empty((await reader.ReadAsync(new WebMetric(server.Url("/odd"), JsonPath: "$.empty"))).Values);
    }

    [Fact]
    public async Task Post_sends_the_filled_body_as_json_and_reads_the_answer()
    {
        var metric = new WebMetric(server.Url("/double"), Method: "POST", Body: """{"x": {{value}}}""", JsonPath: "$.result");

        var reading = await Readers.Create().ReadAsync(metric, new Dictionary<string, string> { ["value"] = "21" });

        Assert.Equal([42.0], reading.Values);
    }

    [Fact]
    public async Task Headers_are_sent_with_arguments_filled_and_secret_values_read_from_the_secret_settings()
    {
        var metric = new WebMetric(
            server.Url("/headers"),
            Headers: new Dictionary<string, string> { ["X-Api-Key"] = "secret:metrics-key", ["X-Tenant"] = "{{tenant}}" },
            JsonPath: "$");
        var reader = Readers.Create(secrets: new Dictionary<string, string> { ["metrics-key"] = "k-123" });

        var key = await reader.ReadAsync(metric with { JsonPath = "$.key" }, new Dictionary<string, string> { ["tenant"] = "blue" });
        var tenant = await reader.ReadAsync(metric with { JsonPath = "$.tenant" }, new Dictionary<string, string> { ["tenant"] = "blue" });

        Assert.Equal([1.0], key.Values);
        Assert.Equal([1.0], tenant.Values);
    }

    [Fact]
    public async Task A_secret_header_whose_setting_is_missing_fails_naming_the_setting()
    {
        var metric = new WebMetric(server.Url("/headers"), Headers: new Dictionary<string, string> { ["X-Api-Key"] = "secret:absent" }, JsonPath: "$.key");

        var failure = await Assert.ThrowsAsync<MetricProviderException>(() => Readers.Create().ReadAsync(metric));

        Assert.Equal("The secret setting 'Secrets:absent' is not configured.", failure.Message);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_within_the_timeout_fails_saying_so()
    {
        var metric = new WebMetric(server.Url("/slow"), Timeout: TimeSpan.FromMilliseconds(200));

        var failure = await Assert.ThrowsAsync<MetricProviderException>(() => Readers.Create().ReadAsync(metric));

        Assert.Equal($"The web metric at {server.Url("/slow")} did not answer within 0.2 s.", failure.Message);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_fails_saying_so()
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() => Readers.Create().ReadAsync(new WebMetric(server.Url("/text"))));

        Assert.Equal($"The web metric at {server.Url("/text")} answered something that is not JSON.", failure.Message);
    }

    [Fact]
    public async Task An_error_status_fails_naming_it_without_the_query_string_that_may_hold_a_key()
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new WebMetric(server.Url("/fails") + "?api_key=very-secret")));

        Assert.Equal($"The web metric at {server.Url("/fails")} answered 503 Service Unavailable.", failure.Message);
        Assert.DoesNotContain("very-secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_so_headers_go_only_where_the_template_says()
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new WebMetric(server.Url("/moved"), JsonPath: "$.data.error_rate")));

        Assert.Contains("answered 302", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.data.missing", "selects nothing", "$['data'] has no property 'missing'")]
    [InlineData("$.data[0]", "selects nothing", "not an array")]
    public async Task A_path_that_misses_fails_naming_the_path_and_the_step(string path, string expected, string step)
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new WebMetric(server.Url("/rate"), JsonPath: path)));

        Assert.Contains($"The JSON path {path} {expected}", failure.Message, StringComparison.Ordinal);
        Assert.Contains(step, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.text", "a string")]
    [InlineData("$.flag", "a boolean")]
    [InlineData("$.mixed", "an array")]
    [InlineData("$.none", "null")]
    [InlineData("$", "an object")]
    public async Task A_path_that_selects_no_number_fails_naming_the_path_and_what_it_found(string path, string found)
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new WebMetric(server.Url("/odd"), JsonPath: path)));

        Assert.Contains($"The JSON path {path} selects {found} in the answer", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_outside_the_subset_is_refused_before_any_request()
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new WebMetric("http://127.0.0.1:1/never", JsonPath: "$..value")));

        Assert.StartsWith("The web metric at http://127.0.0.1:1/never has the JSON path '$..value', which has '.' at position 2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_port_fails_saying_it_could_not_be_read()
    {
        var url = $"http://127.0.0.1:{LoopbackPorts.Free()}/rate";

        var failure = await Assert.ThrowsAsync<MetricProviderException>(() => Readers.Create().ReadAsync(new WebMetric(url)));

        Assert.StartsWith($"The web metric at {url} could not be read:", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/x")]
    [InlineData("/relative/path")]
    public async Task Only_absolute_http_and_https_urls_are_accepted(string url)
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() => Readers.Create().ReadAsync(new WebMetric(url)));

        Assert.EndsWith("is not an absolute http or https URL.", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", null, "uses the method 'PUT'")]
    [InlineData("GET", "{}", "has a body, which only a POST sends")]
    public async Task Methods_other_than_get_and_post_and_a_get_with_a_body_are_refused(string method, string? body, string expected)
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new WebMetric(server.Url("/rate"), Method: method, Body: body)));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_argument_fails_as_a_provider_failure_naming_it()
    {
        var failure = await Assert.ThrowsAsync<MetricProviderException>(() =>
            Readers.Create().ReadAsync(new WebMetric(server.BaseAddress.AbsoluteUri + "{{path}}")));

        Assert.Contains("'path'", failure.Message, StringComparison.Ordinal);
    }
}
