using System.Net;

namespace Deployments.Cli.Http;

/// <summary>
/// Retries a request that met a dropped connection or a 502/503/504, a few times with a growing delay, but
/// only when repeating it is safe: a read, or a POST carrying an Idempotency-Key (the API answers a repeat
/// with the first answer and does not act twice). PATCH and DELETE are never repeated.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.Http.Resilience was considered: its standard pipeline's timeouts (10 s an attempt,
/// 30 s in all) cut the 60 s blocking reads the live view makes, and it brings a container and telemetry
/// into a short-lived tool for one retry loop.
/// </remarks>
internal sealed class RetryHandler(HttpMessageHandler inner, TimeProvider time) : DelegatingHandler(inner)
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var safe = request.Method == HttpMethod.Get || (request.Method == HttpMethod.Post && request.Headers.Contains(ControlPlaneClient.IdempotencyHeader));
        for (var attempt = 0; ; attempt++)
        {
            var last = !safe || attempt == Delays.Length;
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (last || response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
                {
                    return response;
                }

                response.Dispose();
            }
            catch (HttpRequestException) when (!last && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(Delays[attempt], time, cancellationToken);
        }
    }
}
