using System.Net;

namespace Deployments.Drivers.Webhooks;

/// <summary>
/// A platform refused or failed a driver request, after any retries. Carries what a person needs to find the request
/// in the platform's logs (the request id) and never the cluster's secret.
/// </summary>
public sealed class TargetPlatformException : Exception
{
    /// <param name="message">What failed, in words a person reading the deployment's history understands.</param>
    /// <param name="clusterId">The cluster whose platform failed.</param>
    /// <param name="requestId">The request id all attempts carried.</param>
    /// <param name="statusCode">The last answer's status, or null when none came.</param>
    /// <param name="attempts">How many attempts were made, the first included.</param>
    /// <param name="innerException">The error behind the failure (network, timeout, unreadable JSON), if there was one.</param>
    public TargetPlatformException(string message, string clusterId, string requestId, HttpStatusCode? statusCode, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        ClusterId = clusterId;
        RequestId = requestId;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>The conventional constructors (CA1032) carry no cluster, request or status; the driver uses the one that does.</summary>
    public TargetPlatformException() : this("The target platform failed the request.", "", "", null, 0) { }

    /// <inheritdoc cref="TargetPlatformException()"/>
    public TargetPlatformException(string message) : this(message, "", "", null, 0) { }

    /// <inheritdoc cref="TargetPlatformException()"/>
    public TargetPlatformException(string message, Exception innerException) : this(message, "", "", null, 0, innerException) { }

    /// <summary>The cluster whose platform failed; empty when built without one.</summary>
    public string ClusterId { get; }

    /// <summary>The <c>X-Request-Id</c> every attempt of the call carried.</summary>
    public string RequestId { get; }

    /// <summary>The last HTTP status, or null when no answer came (network error, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Attempts made before giving up: 1 for an answer that is not worth retrying, up to the configured maximum otherwise.</summary>
    public int Attempts { get; }

    /// <summary>True when the platform rejected the request's signature: the cluster's secret is wrong.</summary>
    public bool IsSignatureRejected => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
