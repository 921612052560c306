using System.Net;
using System.Text;

namespace Deployments.Drivers.Webhooks;

/// <summary>A platform's answer to one call: status and body, read whole (answers are small).</summary>
/// <param name="Attempts">How many attempts the call took to get this answer.</param>
/// <param name="RetryAfter">How long the platform asked us to wait before trying again, if it did.</param>
internal sealed record PlatformResponse(HttpStatusCode StatusCode, byte[] Body, string RequestId, int Attempts, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>The start of the body for an error message: enough to see the platform's reason, not a page of HTML.</summary>
    public string BodyExcerpt(int maxChars = 300)
    {
        var text = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, maxChars * 4)).Trim();
        return text.Length <= maxChars ? text : text[..maxChars] + "…";
    }
}
