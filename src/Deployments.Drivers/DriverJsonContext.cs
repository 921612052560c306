using System.Text.Json;
using System.Text.Json.Serialization;
using Deployments.Drivers.Processes;
using Deployments.Drivers.Webhooks;
using Deployments.Serialization;

namespace Deployments.Drivers;

/// <summary>
/// Compile-time JSON for everything the drivers read and write, in the snake_case both the state files and the
/// webhook protocol use. Source-generated so the drivers also work in hosts that disable reflection-based
/// serialization (trimmed or native AOT apps, file-based apps, where it is off by default).
/// Dictionary keys (environment variable names) are left as they are.
/// </summary>
/// <remarks>
/// An attribute cannot name the runtime <see cref="SnakeCaseJson.Options"/>, so these options restate it; a test in
/// Deployments.Drivers.Tests fails if they drift apart (naming, dictionary keys, nulls, converters). The one
/// converter it leaves out is the shared enum converter: a source-generated context may not name the non-generic
/// one (SYSLIB1034, not AOT-safe), and nothing the drivers serialize is an enum, which the test also checks.
/// </remarks>
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
