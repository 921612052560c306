using Deployments.Api.Http.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Deployments.Api.OpenApi;

/// <summary>
/// Declares the problem documents an endpoint can answer with, derived from the mechanisms that produce them
/// rather than listed by hand per endpoint: a key check (401, 403), a route id (404), anything read from the
/// request (400), a body (413, 415, 422), a write that can lose to a concurrent one or be refused by the current
/// state (409), and <c>Idempotency-Key</c> on POSTs (400, 409, 422).
/// </summary>
internal static class ProblemResponses
{
    private const string ProblemJson = "application/problem+json";

    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(Describe);
        return builder;
    }

    private static void Describe(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var methods = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
        var hasRouteValues = endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 };
        var hasBody = metadata.OfType<IAcceptsMetadata>().Any();
        var readsQuery = metadata.OfType<IParameterBindingMetadata>().Any(p => p.ParameterInfo.GetCustomAttributes(typeof(FromQueryAttribute), false).Length > 0);
        var writes = methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m));
        var idempotentPost = metadata.Contains(IdempotentPosts.Instance) && methods.Any(HttpMethods.IsPost);

        var statuses = new SortedSet<int>();
        if (hasRouteValues || hasBody || readsQuery || idempotentPost)
        {
            Add(metadata, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
        }

        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            statuses.Add(StatusCodes.Status403Forbidden);
            // An address whose keys keep failing is refused before its key is looked up.
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        if (hasRouteValues)
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (writes)
        {
            statuses.Add(StatusCodes.Status409Conflict);
        }

        if (hasBody)
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
            statuses.Add(StatusCodes.Status422UnprocessableEntity);
        }

        if (idempotentPost)
        {
            statuses.Add(StatusCodes.Status409Conflict);
            statuses.Add(StatusCodes.Status422UnprocessableEntity);
        }

        foreach (var status in statuses)
        {
            Add(metadata, status, typeof(ProblemDetails));
        }
    }

    private static void Add(IList<object> metadata, int status, Type type)
    {
        if (!metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
        {
            metadata.Add(new ProducesResponseTypeMetadata(status, type, [ProblemJson]));
        }
    }
}
