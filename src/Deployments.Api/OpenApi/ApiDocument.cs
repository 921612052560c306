namespace Deployments.Api.OpenApi;

/// <summary>The OpenAPI document of the API: every operation with its bodies, answers, problems and key.</summary>
internal static class ApiDocument
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer<KeySecuritySchemes>();
        options.AddOperationTransformer<KeySecuritySchemes>();
        options.AddOperationTransformer<IdempotencyKeyHeader>();
        options.AddSchemaTransformer<DurationSchemas>();
    });
}
