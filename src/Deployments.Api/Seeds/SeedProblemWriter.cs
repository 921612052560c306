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

    /// <summary>The exception handler clears the request's endpoint before it answers, and keeps it in its feature.</summary>
    private static SeedErrorFormat? FormatOf(HttpContext http) =>
        (http.GetEndpoint() ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint)?.Metadata.GetMetadata<SeedErrorFormat>();
}
