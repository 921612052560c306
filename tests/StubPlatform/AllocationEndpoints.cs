using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StubPlatform;

/// <summary>The platform side of the webhook protocol: place, stop, list and per-allocation health.</summary>
internal static class AllocationEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, StubPlatformState state)
    {
        routes.MapPost("/allocations", context => PlaceAsync(context, state));
        routes.MapGet("/allocations", context => ListAsync(context, state));
        routes.MapDelete("/allocations/{id}", context => StopAsync(context, state));
        routes.MapGet("/allocations/{id}/health", context => HealthAsync(context, state));
    }

    private static async Task PlaceAsync(HttpContext context, StubPlatformState state)
    {
        PlaceRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<PlaceRequest>(SignatureGate.BodyOf(context));
        }
        catch (JsonException error)
        {
            await Results.BadRequest(new { error = error.Message }).ExecuteAsync(context);
            return;
        }

        if (request is null || string.IsNullOrEmpty(request.AllocationId))
        {
            await Results.BadRequest(new { error = "allocation_id is required" }).ExecuteAsync(context);
            return;
        }

        state.Counters.CountPlace();
        var candidate = new StubAllocation(request.AllocationId, request.DeploymentId, request.AppName, request.Group,
            request.Revision, request.Environment ?? new Dictionary<string, string>(), state.Options.Time.GetUtcNow());
        var held = state.Allocations.GetOrAdd(request.AllocationId, candidate);
        var created = ReferenceEquals(held, candidate);
        await Results.Json(Describe(held, state), statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK).ExecuteAsync(context);
    }

    private static Task ListAsync(HttpContext context, StubPlatformState state) =>
        Results.Json(new { allocations = state.Allocations.Values.Select(a => new { allocation_id = a.AllocationId, address = AddressOf(a, state) }) })
            .ExecuteAsync(context);

    private static Task StopAsync(HttpContext context, StubPlatformState state)
    {
        var id = (string)context.GetRouteValue("id")!;
        if (!state.Allocations.TryRemove(id, out _))
        {
            return Results.NotFound(new { error = $"no allocation '{id}'" }).ExecuteAsync(context);
        }

        state.Counters.CountStop();
        state.HealthOverrides.TryRemove(id, out _);
        return Results.NoContent().ExecuteAsync(context);
    }

    private static Task HealthAsync(HttpContext context, StubPlatformState state)
    {
        var id = (string)context.GetRouteValue("id")!;
        if (!state.Allocations.TryGetValue(id, out var allocation))
        {
            return Results.Json(new { status = "lost", detail = $"no allocation '{id}'" }, statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context);
        }

        var (status, detail, code) = state.HealthOverrides.TryGetValue(id, out var forced)
            ? forced ? ("healthy", "forced healthy", 200) : ("unhealthy", "forced unhealthy", 503)
            : allocation.FailsHealth ? ("unhealthy", "FAIL_HEALTH is set", 503)
            : state.Options.Time.GetUtcNow() - allocation.PlacedAt < state.Options.HealthyAfter ? ("starting", "not healthy yet", 503)
            : ("healthy", "up", 200);
        return Results.Json(new { status, detail }, statusCode: code).ExecuteAsync(context);
    }

    private static object Describe(StubAllocation allocation, StubPlatformState state) => state.Options.ReturnHealthUrl
        ? new { allocation_id = allocation.AllocationId, address = AddressOf(allocation, state), health_url = HealthUrlOf(allocation, state) }
        : new { allocation_id = allocation.AllocationId, address = AddressOf(allocation, state) };

    private static string AddressOf(StubAllocation allocation, StubPlatformState state) =>
        $"{state.BaseUrl}/apps/{Uri.EscapeDataString(allocation.AllocationId)}";

    private static string HealthUrlOf(StubAllocation allocation, StubPlatformState state) =>
        $"{state.BaseUrl}/allocations/{Uri.EscapeDataString(allocation.AllocationId)}/health";
}
