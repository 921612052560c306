using Deployments.Drivers;
using Microsoft.AspNetCore.Http;

namespace StubPlatform;

/// <summary>
/// The front door every request passes: counts it, serves a staged failure if one is due, then demands a valid
/// signature over the exact bytes received. The verified body is kept for the handler, which cannot read it twice.
/// </summary>
internal static class SignatureGate
{
    private const string BodyKey = "stub.body";

    public static async Task InvokeAsync(HttpContext context, StubPlatformState state, RequestDelegate next)
    {
        state.Counters.CountRequest();
        if (context.Request.Headers[WebhookSignature.RequestIdHeader].ToString() is { Length: > 0 } requestId)
        {
            state.RequestIds.Enqueue(requestId);
        }

        if (state.Failures.TakeFailure() is { } status)
        {
            state.Counters.CountInjectedFailure();
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = "failure staged by the test" }, context.RequestAborted);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var verified = WebhookSignature.Verify(
            state.Options.Secret,
            context.Request.Headers[WebhookSignature.TimestampHeader].ToString(),
            body,
            context.Request.Headers[WebhookSignature.SignatureHeader].ToString(),
            state.Options.SignatureTolerance,
            state.Options.Time.GetUtcNow());
        if (!verified)
        {
            state.Counters.CountRejectedSignature();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { error = "invalid or stale signature" }, context.RequestAborted);
            return;
        }

        context.Items[BodyKey] = body;
        await next(context);
    }

    public static byte[] BodyOf(HttpContext context) => context.Items[BodyKey] as byte[] ?? [];
}
