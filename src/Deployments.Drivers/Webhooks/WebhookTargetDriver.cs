using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deployments.Drivers.Webhooks;

/// <summary>
/// Acts on any external platform through a small signed HTTP protocol: POST/DELETE/GET {endpoint}/allocations.
/// The platform keys allocations on the id we send, which is what makes a repeated place (after a retry or a crash)
/// return the same allocation instead of a second one.
/// </summary>
internal sealed class WebhookTargetDriver : ITargetDriver
{
    public const string DriverName = "webhook";

    /// <summary>The detail of a Pending report when the platform gave no health URL.</summary>
    public const string PlatformReportedHealthDetail = "health reported by the platform";

    private readonly WebhookDriverOptions _options;
    private readonly SignedRequestSender _sender;

    public WebhookTargetDriver(IHttpClientFactory httpClients, IOptions<WebhookDriverOptions> options, TimeProvider time, ILogger<WebhookTargetDriver> logger)
    {
        _options = options.Value;
        _sender = new SignedRequestSender(httpClients, _options, time, logger);
    }

    public string Name => DriverName;

    public async Task<Placement> PlaceAsync(ClusterTarget cluster, AllocationSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var settings = WebhookClusterSettings.From(cluster);
        var body = JsonSerializer.SerializeToUtf8Bytes(spec, DriverJsonContext.Default.AllocationSpec);
        var response = await _sender.SendAsync(settings, HttpMethod.Post, settings.Resolve("allocations"), body, ct);
        EnsureSuccess(settings, "place", spec.AllocationId, response);

        var placed = Deserialize(settings, response, DriverJsonContext.Default.PlaceResponse);
        var healthUrl = placed?.HealthUrl is { Length: > 0 } url ? new Uri(settings.Endpoint, url).AbsoluteUri : null;
        var address = placed?.Address is { Length: > 0 } given ? given : settings.Resolve($"allocations/{Uri.EscapeDataString(spec.AllocationId)}").AbsoluteUri;
        return new Placement(spec.AllocationId, address, placed?.ProcessId, healthUrl);
    }

    public async Task StopAsync(ClusterTarget cluster, Placement placement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var settings = WebhookClusterSettings.From(cluster);
        var url = settings.Resolve($"allocations/{Uri.EscapeDataString(placement.AllocationId)}");
        var response = await _sender.SendAsync(settings, HttpMethod.Delete, url, null, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return; // already gone: stopping is idempotent
        }

        EnsureSuccess(settings, "stop", placement.AllocationId, response);
    }

    public async Task<HealthReport> CheckHealthAsync(ClusterTarget cluster, Placement placement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (placement.HealthUrl is null)
        {
            return new HealthReport(placement.AllocationId, HealthState.Pending, PlatformReportedHealthDetail);
        }

        var settings = WebhookClusterSettings.From(cluster);
        var url = new Uri(placement.HealthUrl);
        PlatformResponse response;
        try
        {
            response = await _sender.SendOnceAsync(settings, HttpMethod.Get, url, null, Guid.NewGuid().ToString("N"), _options.HealthProbeTimeout, ct);
        }
        catch (HttpRequestException error)
        {
            return new HealthReport(placement.AllocationId, HealthState.Unhealthy, $"health URL unreachable: {error.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new HealthReport(placement.AllocationId, HealthState.Unhealthy, $"no health answer within {_options.HealthProbeTimeout.TotalSeconds} s");
        }

        return PlatformHealth.Judge(placement.AllocationId, response);
    }

    public async Task<IReadOnlyList<RunningAllocation>> ListAsync(ClusterTarget cluster, CancellationToken ct)
    {
        var settings = WebhookClusterSettings.From(cluster);
        var response = await _sender.SendAsync(settings, HttpMethod.Get, settings.Resolve("allocations"), null, ct);
        EnsureSuccess(settings, "list", null, response);
        var listed = Deserialize(settings, response, DriverJsonContext.Default.ListResponse)?.Allocations ?? [];
        return [.. listed.Select(a => new RunningAllocation(a.AllocationId, a.Address ?? "", a.ProcessId))];
    }

    private static void EnsureSuccess(WebhookClusterSettings settings, string operation, string? allocationId, PlatformResponse response)
    {
        if (response.IsSuccess)
        {
            return;
        }

        var subject = allocationId is null ? $"{operation} on cluster '{settings.ClusterId}'" : $"{operation} of allocation '{allocationId}' on cluster '{settings.ClusterId}'";
        var status = (int)response.StatusCode;
        var reason = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $"the platform at {settings.Endpoint} rejected the request signature (HTTP {status}); check the cluster's webhook secret"
            : $"the platform at {settings.Endpoint} answered HTTP {status} after {response.Attempts} attempt(s): {response.BodyExcerpt()}";
        throw new TargetPlatformException($"The {subject} failed: {reason} (request {response.RequestId}).",
            settings.ClusterId, response.RequestId, response.StatusCode, response.Attempts);
    }

    private static T? Deserialize<T>(WebhookClusterSettings settings, PlatformResponse response, JsonTypeInfo<T> type)
        where T : class
    {
        if (response.Body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(response.Body, type);
        }
        catch (JsonException error)
        {
            throw new TargetPlatformException($"The platform at {settings.Endpoint} answered with JSON the driver cannot read: {error.Message} (request {response.RequestId}).",
                settings.ClusterId, response.RequestId, response.StatusCode, response.Attempts, error);
        }
    }
}
