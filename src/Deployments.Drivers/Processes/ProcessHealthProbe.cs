using System.Net.Sockets;

namespace Deployments.Drivers.Processes;

/// <summary>
/// One HTTP health probe of a local allocation. The answer must carry the allocation's own id in
/// <c>X-Allocation-Id</c>: after a crash its port may have gone to another process, whose "200 OK" says nothing
/// about this allocation.
/// </summary>
internal sealed class ProcessHealthProbe(IHttpClientFactory httpClients, ProcessDriverOptions options)
{
    public const string AllocationIdHeader = "X-Allocation-Id";

    public async Task<HealthReport> ProbeAsync(AllocationState state, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.HealthProbeTimeout);
        var client = httpClients.CreateClient(DriverServiceCollectionExtensions.HttpClientName);
        try
        {
            using var response = await client.GetAsync(state.HealthUrl, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return Judge(state, response);
        }
        catch (HttpRequestException error) when (IsConnectionRefused(error))
        {
            return state.Fingerprint.IsAlive()
                ? Report(state, HealthState.Pending, $"process {state.ProcessId} is running but not listening on port {state.Port} yet")
                : Report(state, HealthState.Lost, $"process {state.ProcessId} has exited; its output is in {state.LogFile}");
        }
        catch (HttpRequestException error)
        {
            return Report(state, HealthState.Unhealthy, $"health probe failed: {error.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Report(state, HealthState.Unhealthy, $"no health answer within {options.HealthProbeTimeout.TotalSeconds} s");
        }
    }

    private static HealthReport Judge(AllocationState state, HttpResponseMessage response)
    {
        var answeredBy = response.Headers.TryGetValues(AllocationIdHeader, out var values) ? string.Join(",", values) : null;
        if (answeredBy != state.AllocationId)
        {
            return Report(state, HealthState.Lost,
                $"port {state.Port} is answered by {(answeredBy is null ? "a process without an allocation id" : $"allocation '{answeredBy}'")}, not by this allocation");
        }

        var status = (int)response.StatusCode;
        return response.IsSuccessStatusCode
            ? Report(state, HealthState.Healthy, $"HTTP {status}")
            : Report(state, HealthState.Unhealthy, $"HTTP {status} from {state.HealthUrl}");
    }

    private static bool IsConnectionRefused(HttpRequestException error) =>
        error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    private static HealthReport Report(AllocationState state, HealthState health, string detail) =>
        new(state.AllocationId, health, detail);
}
