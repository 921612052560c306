using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Deployments.Api.OpenApi;

/// <summary>
/// Durations travel as strings such as "30s", "5m" or "1h30m" (see <c>DurationJsonConverter</c>), not as the
/// serializer's default "hh:mm:ss": the document says so, with the pattern a client can check before sending.
/// </summary>
internal sealed class DurationSchemas : IOpenApiSchemaTransformer
{
    public const string Pattern = @"^(\d+(\.\d+)?h)?(\d+(\.\d+)?m)?(\d+(\.\d+)?s)?(\d+ms)?$|^\d+(\.\d+)?:\d{2}:\d{2}(\.\d+)?$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type != typeof(TimeSpan) && type != typeof(TimeSpan?))
        {
            return Task.CompletedTask;
        }

        schema.Type = type == typeof(TimeSpan?) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = null;
        schema.Pattern = Pattern;
        schema.Description = "A duration: hours, minutes, seconds and milliseconds as in \"30s\", \"5m\", \"1h30m\" or \"250ms\" (or \"hh:mm:ss\").";
        schema.Examples = [JsonValue.Create("30s"), JsonValue.Create("5m")];
        return Task.CompletedTask;
    }
}
