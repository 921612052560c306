using Microsoft.AspNetCore.Diagnostics;

namespace Deployments.Api.Seeds;

/// <summary>
/// Writes the problems of a seed's endpoints in that seed's own error format (<see cref="SeedErrorFormat"/>);
/// registered ahead of the default writer, it leaves every other endpoint's problem to RFC 9457.
/// </summary>
internal sealed class SeedProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => FormatOf(context.HttpContext) is not null;

    public ValueTask WriteAsync(ProblemDetailsContext context) =>
        new(FormatOf(context.HttpContext)!.WriteAsync(context.HttpContext, context.ProblemDetails));

    /// <summary>
    /// The endpoint the problem is about. The exception handler clears the request's endpoint (and its route values)
    /// before it answers, and keeps the endpoint in its feature.
    /// </summary>
    public static Endpoint? EndpointOf(HttpContext http) => http.GetEndpoint() ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;

    private static SeedErrorFormat? FormatOf(HttpContext http) => EndpointOf(http)?.Metadata.GetMetadata<SeedErrorFormat>();
}
