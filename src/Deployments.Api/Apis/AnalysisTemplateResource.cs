using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>A template as the API shows it.</summary>
internal sealed record AnalysisTemplateResource(
    string Name,
    string Namespace,
    IReadOnlyList<AnalysisMetric> Metrics,
    IReadOnlyList<AnalysisArgument> Args,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AnalysisTemplateResource From(AnalysisTemplate template) =>
        new(template.Name, template.Namespace, template.Metrics, template.Args, template.CreatedAt, template.UpdatedAt);
}

/// <summary>The templates of a namespace.</summary>
internal sealed record AnalysisTemplateList(IReadOnlyList<AnalysisTemplateResource> AnalysisTemplates);
