using Deployments.Api.OpenApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace Deployments.Api.Seeds;

/// <summary>
/// A seed's own OpenAPI document, served beside the API's at <see cref="ControlPlaneApi.OpenApiRoute"/>: only
/// the operations of its group, with the seed's title and the one way its document says to send a key.
/// </summary>
internal static class SeedDocument
{
    /// <summary>Registers document <paramref name="name"/> for the endpoints grouped under that name (<see cref="SeedApis.MapSeedGroup"/>).</summary>
    public static IServiceCollection AddSeedDocument(this IServiceCollection services, string name, string title, string description, string schemeName, OpenApiSecurityScheme scheme) =>
        services.AddOpenApi(name, options =>
        {
            options.ShouldInclude = endpoint => endpoint.GroupName == name;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = title;
                document.Info.Description = description;
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[schemeName] = scheme;
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(schemeName, context.Document)] = [] }];
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer<IdempotencyKeyHeader>();
            options.AddSchemaTransformer<DurationSchemas>();
        });

    /// <summary>The key as a bearer token (<c>Authorization: Bearer …</c>, any case), the scheme most seeds document.</summary>
    public static OpenApiSecurityScheme BearerKey(string? note = null) => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        Description = "The admin key or a scoped token (cpt_…) as a bearer token" + (note is null ? "." : "; " + note),
    };
}
