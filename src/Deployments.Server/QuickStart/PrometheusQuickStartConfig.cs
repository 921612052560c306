using System.Globalization;

namespace Deployments.Server.QuickStart;

/// <summary>
/// The prometheus.yml the quick start writes: scrape every running allocation the control plane lists through
/// its HTTP service discovery endpoint, every 2 seconds, so a canary analysis over a 20-second window has points.
/// </summary>
internal static class PrometheusQuickStartConfig
{
    public const string TargetsPath = "/api/prometheus/targets";

    /// <summary>
    /// The file's text. It holds <paramref name="adminKey"/> as Prometheus' Bearer credentials: whoever writes it
    /// must keep it private.
    /// </summary>
    public static string Text(Uri controlPlane, string adminKey) => string.Join('\n',
        "# Written by the deployments quick start. It holds the admin key: keep it private (file mode 600).",
        "# Prometheus asks the control plane which allocations run (HTTP service discovery) and scrapes each,",
        "# labelled with app, namespace, group, revision, deployment, canary and allocation.",
        "global:",
        "  scrape_interval: 2s",
        "  evaluation_interval: 2s",
        "scrape_configs:",
        "  - job_name: deployments",
        "    http_sd_configs:",
        $"      - url: {Quoted(new Uri(controlPlane, TargetsPath).ToString())}",
        "        refresh_interval: 5s",
        "        authorization:",
        "          type: Bearer",
        $"          credentials: {Quoted(adminKey)}",
        "");

    /// <summary>
    /// Where Prometheus reaches this server: the first URL it listens on, with a wildcard or "localhost" made
    /// 127.0.0.1, since Prometheus may resolve localhost to ::1 and a wildcard is no address to connect to.
    /// </summary>
    public static Uri ControlPlaneUrl(IConfiguration configuration)
    {
        var first = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000").Split(';')[0].Trim();
        var wildcard = first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        var url = new UriBuilder(wildcard);
        if (url.Host is "localhost" or "0.0.0.0" or "[::]")
        {
            url.Host = "127.0.0.1";
        }

        return new Uri(url.Uri.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>A YAML single-quoted scalar: nothing in it is special but the quote, which is doubled.</summary>
    private static string Quoted(string value) =>
        string.Create(CultureInfo.InvariantCulture, $"'{value.Replace("'", "''", StringComparison.Ordinal)}'");
}
