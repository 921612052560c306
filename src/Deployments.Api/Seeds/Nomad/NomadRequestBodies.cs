using Deployments.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Deployments.Api.Seeds.Nomad;

/// <summary>
/// Documents a command's JSON body in the Nomad document without <c>Accepts</c> metadata, which would make routing
/// refuse the bodies Nomad's samples send with no content type (curl's form type) with a 415.
/// </summary>
internal static class NomadRequestBodies
{
    /// <summary>Endpoint metadata: the body type the document shows, and whether Nomad requires one.</summary>
    private sealed record DocumentedBody(Type Type, bool Required);

    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder builder, bool required = true) =>
        builder.WithMetadata(new DocumentedBody(typeof(T), required));

    public static IServiceCollection AddNomadRequestBodies(this IServiceCollection services, string document) =>
        services.Configure<OpenApiOptions>(document, (OpenApiOptions options) => options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedBody>().FirstOrDefault() is { } body && context.Document is { } document)
            {
                // A schema made here is not a component by itself: add it, and refer to it as the generated bodies are.
                document.AddComponent(body.Type.Name, await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken));
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = body.Required,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ApiSetup.JsonContentType] = new() { Schema = new OpenApiSchemaReference(body.Type.Name, document) },
                    },
                };
            }
        }));
}
