using Deployments.Api.Http.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Deployments.Api.OpenApi;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on every POST that honours it.</summary>
internal sealed class IdempotencyKeyHeader : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!string.Equals(context.Description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)
            || !context.Description.ActionDescriptor.EndpointMetadata.Contains(IdempotentPosts.Instance))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = $"Makes a retry safe: the same key with the same request answers the first response again. 1-{IdempotencyKey.MaxLength} printable characters.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKey.MaxLength },
        });
        return Task.CompletedTask;
    }
}
