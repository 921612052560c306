using System.Net;

namespace Deployments.Drivers.Webhooks;

/// <summary>
/// A platform refused or failed a driver request, after any retries. Carries what a person needs to find the request
/// in the platform's logs (the request id) and never the cluster's secret.
/// </summary>
public sealed class TargetPlatformException : Exception
{
    public TargetPlatformException(string message, string clusterId, string requestId, HttpStatusCode? statusCode, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        ClusterId = clusterId;
        RequestId = requestId;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    public TargetPlatformException() : this("The target platform failed the request.", "", "", null, 0) { }

    public TargetPlatformException(string message) : this(message, "", "", null, 0) { }

    public TargetPlatformException(string message, Exception innerException) : this(message, "", "", null, 0, innerException) { }

    public string ClusterId { get; }

    /// <summary>The <c>X-Request-Id</c> every attempt of the call carried.</summary>
    public string RequestId { get; }

    /// <summary>The last HTTP status, or null when no answer came (network error, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    public int Attempts { get; }

    /// <summary>True when the platform rejected the request's signature: the cluster's secret is wrong.</summary>
    public bool IsSignatureRejected => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
