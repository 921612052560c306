using System.Net;

namespace Deployments.Metrics.Providers;

/// <summary>What a provider's endpoint answered, read whole (bounded by the client's buffer size) before the timeout.</summary>
internal sealed record HttpAnswer(HttpStatusCode Status, string? Reason, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and <= 299;

    /// <summary>The status as a message shows it: "503 Service Unavailable".</summary>
    public string StatusText => $"{(int)Status} {Reason}".TrimEnd();
}
