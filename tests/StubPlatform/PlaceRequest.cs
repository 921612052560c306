using System.Text.Json.Serialization;

namespace StubPlatform;

/// <summary>
/// The body of POST /allocations as the protocol defines it. Spelled out here rather than borrowed from the driver,
/// so a change to the driver's wire format breaks the tests instead of silently changing the protocol.
/// </summary>
internal sealed record PlaceRequest(
    [property: JsonPropertyName("allocation_id")] string AllocationId,
    [property: JsonPropertyName("deployment_id")] string DeploymentId,
    [property: JsonPropertyName("app_name")] string AppName,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("revision")] int Revision,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("args")] IReadOnlyList<string>? Args,
    [property: JsonPropertyName("environment")] IReadOnlyDictionary<string, string>? Environment,
    [property: JsonPropertyName("health_path")] string? HealthPath);
