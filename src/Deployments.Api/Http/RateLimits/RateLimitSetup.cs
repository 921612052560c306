using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Deployments.Api.Http.RateLimits;

/// <summary>ASP.NET Core's rate limiter for the webhook routes, and the failed-authentication limit per client address.</summary>
internal static class RateLimitSetup
{
    public const string WebhookPolicy = "webhooks";

    public static IServiceCollection AddControlPlaneRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(WebhookPolicy, http =>
            {
                var limit = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Webhooks;
                // The route, not the path as sent: routes match any case, and each spelling must not be a budget of its own.
                var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value?.ToLowerInvariant();
                var sender = $"{route}|{ClientAddress(http)}";
                return limit.IsOn
                    ? RateLimitPartition.GetFixedWindowLimiter(sender, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(sender);
            });
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return new ValueTask(TooManyRequests(context.HttpContext, retryAfter, "This sender has sent more webhook deliveries than the limit allows."));
            };
        });
        return services;
    }

    /// <summary>
    /// Before authentication: an address out of tries is refused at once on every route that takes a key (health and
    /// the signed webhooks, which take none, stay open); a request that fails authentication spends one try.
    /// </summary>
    public static IApplicationBuilder UseFailedAuthenticationLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limiter = http.RequestServices.GetRequiredService<FailedAuthenticationLimiter>();
        var address = ClientAddress(http);
        var takesKey = http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;
        if (takesKey && limiter.RefusedFor(address) is { } wait)
        {
            await TooManyRequests(http, wait, "Too many requests from this address failed authentication.");
            return;
        }

        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            limiter.CountFailure(address);
        }
    });

    /// <summary>The connection's address: a proxy in front should forward the client's (ASP.NET Core's forwarded-headers middleware).</summary>
    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static Task TooManyRequests(HttpContext http, TimeSpan retryAfter, string detail)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "Too many requests", detail + " Retry after the time in Retry-After.").ExecuteAsync(http);
    }
}
