using Deployments.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Deployments.Api.OpenApi;

/// <summary>
/// Tells clients (and the reference page's "Authentication" box) where a key goes: the <c>x-functions-key</c>
/// header as Azure Functions takes it, or <c>Authorization: Bearer</c>. Every operation requires one of them
/// unless its endpoint allows anonymous callers (health, signed webhooks).
/// </summary>
internal sealed class KeySecuritySchemes : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string FunctionsKey = "functions_key";
    public const string Bearer = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[FunctionsKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = PresentedKey.FunctionsKeyHeader,
            Description = "The admin key or a scoped token (cpt_…).",
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The admin key or a scoped token (cpt_…) as a bearer token.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(FunctionsKey, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
