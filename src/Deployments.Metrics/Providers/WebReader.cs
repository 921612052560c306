using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Deployments.Metrics.Providers;

/// <summary>Reads a JSON endpoint (GET, or POST with a JSON body) and picks the value by the template's JSON path.</summary>
internal sealed class WebReader(IHttpClientFactory clients, IConfiguration configuration)
{
    public const string ClientName = "Deployments.Metrics.Web";

    private const string SecretPrefix = "secret:";

    public async Task<MetricReading> ReadAsync(WebMetric metric, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        var url = ProviderHttp.Absolute(ProviderHttp.Fill(metric.Url, arguments, "web metric URL"), "web metric URL");
        var where = $"The web metric at {ProviderHttp.Describe(url)}";
        JsonPath path;
        try
        {
            path = JsonPath.Parse(metric.JsonPath);
        }
        catch (FormatException unsupported)
        {
            throw new MetricProviderException($"{where} has the JSON path '{metric.JsonPath}', which {unsupported.Message}.", unsupported);
        }

        using var request = new HttpRequestMessage(Method(metric, where), url);
        if (request.Method == HttpMethod.Post)
        {
            request.Content = new StringContent(ProviderHttp.Fill(metric.Body ?? "", arguments, "web metric body"), Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in metric.Headers ?? new Dictionary<string, string>())
        {
            AddHeader(request, name, HeaderValue(value, arguments), where);
        }

        var answer = await ProviderHttp.SendAsync(clients.CreateClient(ClientName), request, metric.Timeout, where, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw new MetricProviderException($"{where} answered {answer.StatusText}.");
        }

        return new MetricReading(Select(answer.Body, path, where));
    }

    private static IReadOnlyList<double> Select(string body, JsonPath path, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new MetricProviderException($"{where} answered something that is not JSON.");
        }

        using (document)
        {
            if (path.Select(document.RootElement, out var miss) is not { } selected)
            {
                throw new MetricProviderException($"The JSON path {path.Text} selects nothing in the answer of {where}: {miss}.");
            }

            return JsonNumbers.Values(selected)
                ?? throw new MetricProviderException(
                    $"The JSON path {path.Text} selects {JsonPath.Kind(selected)} in the answer of {where}, not a number, a numeric string or an array of them.");
        }
    }

    private static HttpMethod Method(WebMetric metric, string where) => metric.Method.ToUpperInvariant() switch
    {
        "GET" when metric.Body is null => HttpMethod.Get,
        "GET" => throw new MetricProviderException($"{where} has a body, which only a POST sends."),
        "POST" => HttpMethod.Post,
        _ => throw new MetricProviderException($"{where} uses the method '{metric.Method}'; GET and POST are supported."),
    };

    /// <summary><c>secret:NAME</c> is read from the secret setting NAME; anything else is the value with the arguments filled in.</summary>
    private string HeaderValue(string value, IReadOnlyDictionary<string, string> arguments) =>
        value.StartsWith(SecretPrefix, StringComparison.Ordinal)
            ? SecretSettings.Read(configuration, value[SecretPrefix.Length..])
            : ProviderHttp.Fill(value, arguments, "web metric header");

    private static void AddHeader(HttpRequestMessage request, string name, string value, string where)
    {
        if (request.Headers.TryAddWithoutValidation(name, value))
        {
            return;
        }

        // Content-Type and the like belong to the content (replacing its default); a GET has none to carry them.
        if (request.Content is not null)
        {
            request.Content.Headers.Remove(name);
            if (request.Content.Headers.TryAddWithoutValidation(name, value))
            {
                return;
            }
        }

        throw new MetricProviderException($"{where} cannot send the header '{name}'.");
    }
}
