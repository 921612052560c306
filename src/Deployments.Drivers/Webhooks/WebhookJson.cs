using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deployments.Drivers.Webhooks;

/// <summary>The wire format of the webhook protocol: snake_case JSON, as most platform APIs speak it.</summary>
internal static class WebhookJson
{
    /// <summary>Dictionary keys (environment variable names) stay as they are; only property names are snake_cased.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>The answer to POST /allocations. Only the address is expected; the rest is optional.</summary>
internal sealed record PlaceResponse(string? AllocationId, string? Address, int? ProcessId, string? HealthUrl);

/// <summary>One entry of the answer to GET /allocations.</summary>
internal sealed record ListedAllocation(string AllocationId, string? Address, int? ProcessId);

/// <summary>The answer to GET /allocations.</summary>
internal sealed record ListResponse(IReadOnlyList<ListedAllocation>? Allocations);

/// <summary>The optional body of a health answer; lets a platform say "starting" or "lost" rather than just fail.</summary>
internal sealed record HealthResponse(string? Status, string? Detail);
