using Microsoft.AspNetCore.Http.Metadata;

namespace Deployments.Api.Seeds;

/// <summary>
/// The JSON body a seed operation takes, as its OpenAPI document shows it, declared without a content type: routing
/// then lets every request reach the handler, whose body reader (<see cref="Http.JsonBodyReader"/>) refuses a body it
/// cannot read in the seed's own error format, or reads JSON whatever its type where the seed's samples send it so.
/// <c>Accepts</c> with a content type would make routing answer 415 itself, as an RFC 9457 problem, before the seed's format applies.
/// </summary>
internal static class SeedBodies
{
    public static RouteHandlerBuilder TakesJsonBody<T>(this RouteHandlerBuilder builder, bool required = true) =>
        builder.WithMetadata(new AcceptsMetadata([], typeof(T), isOptional: !required));
}
