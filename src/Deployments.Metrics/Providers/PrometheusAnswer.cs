using System.Globalization;
using System.Text.Json;

namespace Deployments.Metrics.Providers;

/// <summary>
/// Reads the values out of an instant query's answer
/// (<c>{"status":"success","data":{"resultType":"vector","result":[{"metric":{…},"value":[ts,"0.25"]}]}}</c>):
/// a scalar is one value, a vector one per series in the order Prometheus returned them.
/// </summary>
internal static class PrometheusAnswer
{
    public static IReadOnlyList<double> Values(HttpAnswer answer, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer.Body);
        }
        catch (JsonException)
        {
            throw new MetricProviderException(answer.IsSuccess
                ? $"{where} answered {answer.StatusText} with something that is not JSON; is it a Prometheus API?"
                : $"{where} answered {answer.StatusText}.");
        }

        using (document)
        {
            var root = document.RootElement;
            var status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : null;
            if (status == "error")
            {
                // Prometheus answers a bad query (400), a failed evaluation (422) and an overload (503) this way.
                throw new MetricProviderException($"{where} refused the query ({answer.StatusText}): {Text(root, "errorType")}: {Text(root, "error")}");
            }

            if (!answer.IsSuccess)
            {
                throw new MetricProviderException($"{where} answered {answer.StatusText}.");
            }

            if (status != "success" || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("resultType", out var type) || !data.TryGetProperty("result", out var result))
            {
                throw NotAnAnswer(where);
            }

            return type.GetString() switch
            {
                "scalar" => [Sample(result, where)],
                "vector" when result.ValueKind == JsonValueKind.Array =>
                    result.EnumerateArray().Select(series => Sample(Property(series, "value", where), where)).ToList(),
                "matrix" or "string" => throw new MetricProviderException(
                    $"{where} answered a {type.GetString()} result; a metric's query must yield a scalar or an instant vector "
                    + "(wrap a range vector in a function such as rate or avg_over_time)."),
                _ => throw NotAnAnswer(where),
            };
        }
    }

    /// <summary>A sample <c>[timestamp, "value"]</c>; Prometheus writes NaN and the infinities as NaN, +Inf and -Inf.</summary>
    private static double Sample(JsonElement sample, string where)
    {
        if (sample.ValueKind != JsonValueKind.Array || sample.GetArrayLength() != 2 || sample[1].ValueKind != JsonValueKind.String)
        {
            throw NotAnAnswer(where);
        }

        var text = sample[1].GetString()!;
        return text switch
        {
            "NaN" => double.NaN,
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
            _ => throw new MetricProviderException($"{where} answered the sample value '{Shorten(text)}', which is not a number."),
        };
    }

    private static JsonElement Property(JsonElement element, string name, string where) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : throw NotAnAnswer(where);

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "(none given)";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static MetricProviderException NotAnAnswer(string where) =>
        new($"{where} answered JSON that is not a Prometheus query result (status, data.resultType, data.result).");
}
