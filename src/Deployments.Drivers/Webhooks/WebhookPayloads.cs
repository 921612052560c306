namespace Deployments.Drivers.Webhooks;

// The wire format of the webhook protocol, snake_cased by DriverJsonContext.

/// <summary>The answer to POST /allocations. Only the address is expected; the rest is optional.</summary>
internal sealed record PlaceResponse(string? AllocationId, string? Address, int? ProcessId, string? HealthUrl);

/// <summary>One entry of the answer to GET /allocations.</summary>
internal sealed record ListedAllocation(string AllocationId, string? Address, int? ProcessId);

/// <summary>The answer to GET /allocations.</summary>
internal sealed record ListResponse(IReadOnlyList<ListedAllocation>? Allocations);

/// <summary>The optional body of a health answer; lets a platform say "starting" or "lost" rather than just fail.</summary>
internal sealed record HealthResponse(string? Status, string? Detail);
