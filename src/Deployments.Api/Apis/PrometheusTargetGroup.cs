using System.Globalization;
using Deployments.Service;

namespace Deployments.Api.Apis;

/// <summary>
/// One entry of Prometheus' HTTP service discovery answer: one running allocation, the <c>host:port</c> Prometheus
/// scrapes, and the labels it puts on every series scraped there, so a query can select a deployment's canaries.
/// </summary>
/// <remarks>
/// One group per allocation rather than one per deployment: the allocation id is a label of its own, which a
/// group of several targets could not carry.
/// </remarks>
internal sealed record PrometheusTargetGroup(IReadOnlyList<string> Targets, IReadOnlyDictionary<string, string> Labels)
{
    public static PrometheusTargetGroup From(AppAllocation running)
    {
        var (app, allocation) = running;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app"] = app.Name,
            ["namespace"] = app.Namespace,
            ["group"] = allocation.Group,
            ["revision"] = allocation.Revision.ToString(CultureInfo.InvariantCulture),
            // Guid's default form, the one every API answer prints, so an id copied from one selects series here.
            ["deployment"] = allocation.DeploymentId.ToString(),
            ["canary"] = allocation.Canary ? "true" : "false",
            ["allocation"] = allocation.Id.ToString(),
        };
        var address = allocation.Address!;
        if (Uri.TryCreate(address, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            // Drivers report a URL; Prometheus wants host:port, and the scheme as its meta label when not its default.
            if (url.Scheme == Uri.UriSchemeHttps)
            {
                labels["__scheme__"] = url.Scheme;
            }

            address = string.Create(CultureInfo.InvariantCulture, $"{url.Host}:{url.Port}");
        }

        return new PrometheusTargetGroup([address], labels);
    }
}
