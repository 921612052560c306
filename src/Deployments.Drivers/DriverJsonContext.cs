using System.Text.Json;
using System.Text.Json.Serialization;
using Deployments.Drivers.Processes;
using Deployments.Drivers.Webhooks;

namespace Deployments.Drivers;

/// <summary>
/// Compile-time JSON for everything the drivers read and write, in the snake_case both the state files and the
/// webhook protocol use. Source-generated so the drivers also work in hosts that disable reflection-based
/// serialization (trimmed or native AOT apps, file-based apps, where it is off by default).
/// Dictionary keys (environment variable names) are left as they are.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(AllocationSpec))]
[JsonSerializable(typeof(AllocationState))]
[JsonSerializable(typeof(PlaceResponse))]
[JsonSerializable(typeof(ListResponse))]
[JsonSerializable(typeof(HealthResponse))]
internal sealed partial class DriverJsonContext : JsonSerializerContext;
