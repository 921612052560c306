using System.Text.Json;

namespace Deployments.Drivers.Webhooks;

/// <summary>
/// Reads a platform's health answer: 2xx is healthy, anything else unhealthy, unless the body's <c>status</c> says the
/// allocation is still starting (Pending: the control plane keeps waiting instead of counting a failure) or gone (Lost).
/// </summary>
internal static class PlatformHealth
{
    public static HealthReport Judge(string allocationId, PlatformResponse response)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccess)
        {
            return new HealthReport(allocationId, HealthState.Healthy, $"HTTP {status}");
        }

        var said = ReadBody(response.Body);
        var detail = said?.Detail is { Length: > 0 } given ? $"HTTP {status}: {given}" : $"HTTP {status}";
        var state = said?.Status?.ToUpperInvariant() switch
        {
            "STARTING" or "PENDING" => HealthState.Pending,
            "LOST" or "GONE" => HealthState.Lost,
            _ => HealthState.Unhealthy,
        };
        return new HealthReport(allocationId, state, detail);
    }

    private static HealthResponse? ReadBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, DriverJsonContext.Default.HealthResponse);
        }
        catch (JsonException)
        {
            return null; // a plain-text or HTML error page: the status code alone decides
        }
    }
}
