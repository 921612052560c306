using Deployments.Model;
using Deployments.Service;

namespace Deployments.Api.Apis;

/// <summary>The body of a template's creation.</summary>
/// <param name="Name">Unique within the namespace.</param>
/// <param name="Namespace">Namespace to create it in; the <c>namespace</c> query parameter or the default when absent.</param>
/// <param name="Metrics">One or more metrics.</param>
/// <param name="Args">Arguments the template declares beyond the built-in ones.</param>
internal sealed record CreateAnalysisTemplateBody(
    string? Name = null,
    string? Namespace = null,
    IReadOnlyList<AnalysisMetric>? Metrics = null,
    IReadOnlyList<AnalysisArgument>? Args = null);

/// <summary>The body of a template's update: what is given replaces the whole list it names.</summary>
/// <param name="Metrics">New metrics; kept when absent.</param>
/// <param name="Args">New declared arguments; kept when absent.</param>
internal sealed record UpdateAnalysisTemplateBody(IReadOnlyList<AnalysisMetric>? Metrics = null, IReadOnlyList<AnalysisArgument>? Args = null)
{
    public AnalysisTemplateUpdate ToUpdate() => new(Metrics, Args);
}
