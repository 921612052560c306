using Deployments.Model;

namespace Deployments.Service;

// Partial updates of catalog entries: a null field is left as it is, a given one replaces the current
// value. Driver settings alone are merged, so a webhook cluster's secret, which is never shown, survives
// an update of its endpoint.

public sealed record ClusterUpdate(string? Name = null, string? Region = null, ClusterKind? Kind = null, IReadOnlyDictionary<string, string>? DriverSettings = null);

public sealed record EnvironmentUpdate(Guid? ClusterId = null, int? Order = null, bool? RequiresApproval = null, Change<TimeSpan?>? ApprovalExpiry = null);

public sealed record AppUpdate(
    IReadOnlyDictionary<string, int>? Groups = null,
    Change<string?>? Environment = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Annotations = null);

public sealed record PipelineUpdate(string? Name = null, IReadOnlyList<IReadOnlyList<Guid>>? Stages = null);
