using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Deployments.Api.Seeds.Baseten;

/// <summary>
/// Baseten's document requires <c>deployment_id</c>, a string. The body records declare it nullable so that a missing
/// or null one is refused by name (400) rather than failing to bind; the document says what a client must send.
/// </summary>
internal sealed class RequiredDeploymentId : IOpenApiSchemaTransformer
{
    private const string Field = "deployment_id";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if ((type == typeof(PromoteToChainEnvironmentRequestV1) || type == typeof(PromoteToEnvironmentRequestV1))
            && schema.Properties is { } properties && properties.TryGetValue(Field, out var property) && property is OpenApiSchema deploymentId)
        {
            deploymentId.Type = JsonSchemaType.String;
            schema.Required ??= new HashSet<string>();
            schema.Required.Add(Field);
        }

        return Task.CompletedTask;
    }
}
