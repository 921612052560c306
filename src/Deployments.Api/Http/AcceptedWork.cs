using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Deployments.Api.Http;

/// <summary>
/// A 202 for work that goes on after the answer (a deployment running, an approval awaited): its
/// <c>Location</c> is where to follow it and <c>Retry-After</c> how soon a look there is worth it.
/// </summary>
internal static class AcceptedWork
{
    public const int RetryAfterSeconds = 2;

    public static AcceptedWork<T> At<T>(string? location, T value) => new(location, value);
}

/// <inheritdoc cref="AcceptedWork"/>
internal sealed class AcceptedWork<T>(string? location, T value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public int? StatusCode => StatusCodes.Status202Accepted;

    public T? Value => value;

    object? IValueHttpResult.Value => value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (location is not null)
        {
            httpContext.Response.Headers.RetryAfter = AcceptedWork.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Accepted(location, value).ExecuteAsync(httpContext);
    }

    /// <summary>Declares the 202 and its body, so the OpenAPI document shows what the answer holds.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status202Accepted, typeof(T), ["application/json"]));
}
