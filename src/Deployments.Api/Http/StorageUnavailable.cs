using System.Globalization;
using System.Net.Sockets;
using Azure;

namespace Deployments.Api.Http;

/// <summary>
/// Recognises a failure that says the storage account could not be reached (as opposed to one it answered with a
/// refusal), whatever wraps it: the Azure SDK's retries give up with an aggregate, the Durable Task provider wraps
/// the SDK's exception in its own.
/// </summary>
internal static class StorageUnavailable
{
    /// <summary>How long a client is asked to wait: about the time the SDK's own retries took to give up.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool Caused(Exception failure) => Causes(failure).Any(IsUnreachable);

    /// <summary>A 503 with <c>Retry-After</c>: nothing the client sent was wrong, and the same request may succeed shortly.</summary>
    public static IResult Answer(HttpResponse response)
    {
        response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "Storage unavailable",
            "The control plane could not reach its storage account, so this request was not completed. Retry after the time in Retry-After.");
    }

    private static bool IsUnreachable(Exception cause) => cause switch
    {
        // Status 0: no answer at all. 5xx: the service answered that it cannot serve now (503 Server Busy, 500 timeouts).
        RequestFailedException failed => failed.Status is 0 or >= 500,
        HttpRequestException or SocketException or TimeoutException => true,
        _ => false,
    };

    private static IEnumerable<Exception> Causes(Exception failure)
    {
        var pending = new Stack<Exception>([failure]);
        while (pending.TryPop(out var cause))
        {
            yield return cause;
            if (cause is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (cause.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
