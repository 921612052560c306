using System.Globalization;
using System.Text.RegularExpressions;

namespace Deployments.Drivers.Tests.Support;

/// <summary>
/// One read of a Prometheus text exposition, series by series, such as <c>sample_requests_total{code="500"}</c>:
/// enough to assert on, without a client library that would hide what the endpoint actually printed.
/// </summary>
internal sealed partial class MetricsScrape
{
    private readonly Dictionary<string, double> series;

    private MetricsScrape(string text, Dictionary<string, double> series)
    {
        Text = text;
        this.series = series;
    }

    public string Text { get; }

    public static async Task<MetricsScrape> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var match = Sample().Match(line);
            if (match.Success)
            {
                series[match.Groups["series"].Value] = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return new MetricsScrape(text, series);
    }

    /// <summary>The value of a series written exactly as the exposition writes it; 0 when it is absent.</summary>
    public double this[string name] => series.GetValueOrDefault(name);

    public bool Has(string name) => series.ContainsKey(name);

    public override string ToString() => Text;

    [GeneratedRegex(@"^(?<series>[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})?) (?<value>\S+)$")]
    private static partial Regex Sample();
}
