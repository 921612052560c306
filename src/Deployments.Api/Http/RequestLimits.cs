using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Deployments.Api.Http;

/// <summary>
/// Bounds on what a request may carry. A deployment spec is a few kilobytes; these leave ample room while
/// keeping every stored document far below what a table row holds, and a hostile body cheap to refuse.
/// </summary>
internal static class RequestLimits
{
    /// <summary>Larger bodies are refused with 413 before they are read.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public const int MaxStringLength = 16 * 1024;

    public const int MaxArrayItems = 1000;

    public const int MaxObjectProperties = 1000;

    public const int MaxDepth = 32;

    public static IServiceCollection AddRequestLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxBodyBytes);
}
