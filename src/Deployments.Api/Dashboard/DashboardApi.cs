using System.Collections.Frozen;
using System.Security.Cryptography;
using Deployments.Api.Http;
using Microsoft.Net.Http.Headers;

namespace Deployments.Api.Dashboard;

/// <summary>
/// The web dashboard: a page and its scripts and styles, embedded in this assembly so both hosts serve the
/// same files without a build step or a file system. It holds no data; it calls the JSON API with the key the
/// user signs in with. Both hosts serve it at /api/dashboard (the Functions host's routes all start with its
/// <c>api</c> prefix); the self-host also serves the page at its root.
/// </summary>
internal static class DashboardApi
{
    public const string PageRoute = "/api/dashboard";
    public const string RootRoute = "/";

    // Scripts and styles from this origin only, no inline code, and no framing: the page handles a key.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(PageRoute, (HttpContext http) => Serve(http, "index.html")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(PageRoute + "/{file}", (string file, HttpContext http) => Serve(http, file)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The self-host's root is the dashboard page; under the Functions host the root belongs to the host.</summary>
    public static IEndpointRouteBuilder MapDashboardRoot(this IEndpointRouteBuilder app)
    {
        app.MapGet(RootRoute, (HttpContext http) => Serve(http, "index.html")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, string file)
    {
        if (!Assets.TryGetValue(file, out var asset))
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "Unknown dashboard file", $"The dashboard has no file '{file}'.");
        }

        var headers = http.Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = "no-cache";
        headers[HeaderNames.ETag] = asset.ETag;
        if (http.Request.Headers[HeaderNames.IfNoneMatch] == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        const string prefix = "dashboard/";
        var assembly = typeof(DashboardApi).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[prefix.Length..], name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var content = buffer.ToArray();
                return new Asset(content, ContentTypeOf(name), $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
            }, StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
