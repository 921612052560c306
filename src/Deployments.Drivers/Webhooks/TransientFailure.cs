using System.Net;

namespace Deployments.Drivers.Webhooks;

/// <summary>Which platform answers are worth another attempt: the request may well succeed if simply sent again.</summary>
internal static class TransientFailure
{
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
