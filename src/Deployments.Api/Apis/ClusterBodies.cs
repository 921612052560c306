using Deployments.Model;
using Deployments.Service;

namespace Deployments.Api.Apis;

internal sealed record CreateClusterBody(
    string? Name = null,
    string? Region = null,
    ClusterKind Kind = ClusterKind.Shared,
    string? Driver = null,
    IReadOnlyDictionary<string, string>? DriverSettings = null);

/// <summary>PATCH: fields left out stay as they are; driver_settings are merged into the current ones.</summary>
internal sealed record UpdateClusterBody(
    string? Name = null,
    string? Region = null,
    ClusterKind? Kind = null,
    IReadOnlyDictionary<string, string>? DriverSettings = null)
{
    public ClusterUpdate ToUpdate() => new(Name, Region, Kind, DriverSettings);
}
