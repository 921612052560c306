using System.Text.Json;
using Deployments.Service;
using Deployments.Storage;

namespace Deployments.Api.Auth;

/// <summary>
/// Finds the namespace a request acts in, so a token scoped to one namespace can be held to it: the
/// namespace of the deployment, app or pipeline the route names, else the <c>namespace</c> query value,
/// else the body's <c>namespace</c> or the namespace of the body's <c>app_id</c>, else the default one.
/// Null means no namespace is involved (clusters, the caller's own token) or the named resource does not exist, which the
/// endpoint itself answers with 404. A body too large to inspect resolves to <see cref="Undetermined"/>,
/// which a scoped token may not use.
/// </summary>
internal sealed class RequestNamespace(DeploymentService deployments, AppStore apps, CatalogStore catalog)
{
    /// <summary>Bodies larger than this are not inspected; the API refuses such bodies anyway.</summary>
    private const int MaxInspectedBody = 1024 * 1024;

    /// <summary>Not a valid namespace name, so it never equals a token's namespace.</summary>
    public const string Undetermined = "?";

    public async Task<string?> ResolveAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? string.Empty;
        var segments = pattern.Trim('/').Split('/');
        var resource = segments is ["api", var name, ..] ? name : string.Empty;
        // Clusters belong to no namespace; of the tokens API only GET /api/tokens/self is open to scoped
        // tokens, and it acts on the caller alone.
        if (resource is "clusters" or "tokens")
        {
            return null;
        }

        if (http.Request.RouteValues.TryGetValue("id", out var routeId) && Guid.TryParse(routeId?.ToString(), out var id))
        {
            switch (resource)
            {
                case "deployments":
                    return (await deployments.GetAsync(id, cancellationToken))?.Namespace;
                case "apps":
                    return (await apps.GetAsync(id, cancellationToken))?.Namespace;
                case "pipelines":
                    return (await catalog.GetPipelineAsync(id, cancellationToken))?.Namespace;
            }
        }

        if (http.Request.Query["namespace"] is [{ Length: > 0 } fromQuery])
        {
            return fromQuery;
        }

        return await FromBodyAsync(http.Request, cancellationToken) ?? DeploymentService.DefaultNamespace;
    }

    private async Task<string?> FromBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method) || request.ContentLength is 0 || !request.HasJsonContentType())
        {
            return null;
        }

        if (request.ContentLength > MaxInspectedBody)
        {
            return Undetermined;
        }

        // Buffered and rewound: the endpoint reads the same body after authorization. A chunked body past
        // the limit cannot be inspected, and the request is refused, so its half-read stream matters to nobody.
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxInspectedBody);
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (document.RootElement.TryGetProperty("namespace", out var ns) && ns.ValueKind == JsonValueKind.String)
            {
                return ns.GetString();
            }

            if (document.RootElement.TryGetProperty("app_id", out var appId) && appId.TryGetGuid(out var appGuid))
            {
                return (await apps.GetAsync(appGuid, cancellationToken))?.Namespace;
            }

            return null;
        }
        catch (JsonException)
        {
            // Malformed JSON is the endpoint's to refuse with a problem document.
            return null;
        }
        catch (IOException)
        {
            return Undetermined;
        }
        finally
        {
            if (request.Body.CanSeek)
            {
                request.Body.Position = 0;
            }
        }
    }
}
