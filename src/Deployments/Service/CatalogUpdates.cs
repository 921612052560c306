using Deployments.Model;

namespace Deployments.Service;

// Partial updates of catalog entries: a null field is left as it is, a given one replaces the current
// value. Driver settings alone are merged, so a webhook cluster's secret, which is never shown, survives
// an update of its endpoint.

/// <summary>Changes to a cluster.</summary>
/// <param name="Name">New name.</param>
/// <param name="Region">New region.</param>
/// <param name="Kind">New kind of target the cluster is driven as.</param>
/// <param name="DriverSettings">Driver settings to merge into the current ones.</param>
public sealed record ClusterUpdate(string? Name = null, string? Region = null, ClusterKind? Kind = null, IReadOnlyDictionary<string, string>? DriverSettings = null);

/// <summary>Changes to an environment.</summary>
/// <param name="ClusterId">New cluster the environment deploys to.</param>
/// <param name="Order">New position in the promotion order.</param>
/// <param name="RequiresApproval">Whether promotions into the environment must now be approved.</param>
/// <param name="ApprovalExpiry">New time an approval may wait; a change to null removes the expiry.</param>
public sealed record EnvironmentUpdate(Guid? ClusterId = null, int? Order = null, bool? RequiresApproval = null, Change<TimeSpan?>? ApprovalExpiry = null);

/// <summary>Changes to an app.</summary>
/// <param name="Groups">New instance count per group.</param>
/// <param name="Environment">New environment; a change to null takes the app out of any environment.</param>
/// <param name="Labels">New labels, replacing the current ones.</param>
/// <param name="Annotations">New annotations, replacing the current ones.</param>
public sealed record AppUpdate(
    IReadOnlyDictionary<string, int>? Groups = null,
    Change<string?>? Environment = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Annotations = null);

/// <summary>Changes to a pipeline.</summary>
/// <param name="Name">New name.</param>
/// <param name="Stages">New stages, each the ids of the apps promoted to together.</param>
public sealed record PipelineUpdate(string? Name = null, IReadOnlyList<IReadOnlyList<Guid>>? Stages = null);

/// <summary>Changes to an analysis template; a null field keeps its value.</summary>
/// <param name="Metrics">The template's new metrics, replacing all of them.</param>
/// <param name="Args">The template's new declared arguments, replacing all of them.</param>
public sealed record AnalysisTemplateUpdate(IReadOnlyList<AnalysisMetric>? Metrics = null, IReadOnlyList<AnalysisArgument>? Args = null);
