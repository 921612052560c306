using Deployments.Model;
using Deployments.Service;

namespace Deployments.Api.Apis;

/// <summary>A pipeline: stages of apps, each stage promoted from the one before.</summary>
internal sealed record PipelineResource(Guid Id, string Name, string Namespace, IReadOnlyList<IReadOnlyList<Guid>> Stages, DateTimeOffset CreatedAt)
{
    public static PipelineResource From(Pipeline pipeline) => new(pipeline.Id, pipeline.Name, pipeline.Namespace, pipeline.Stages, pipeline.CreatedAt);
}

internal sealed record PipelineList(IReadOnlyList<PipelineResource> Pipelines);

/// <summary>
/// One target of a pipeline promotion, as Sevalla answers it (an array of these): the target app and the
/// deployment it got, plus the source deployment copied and, for a target that could not start, why.
/// </summary>
internal sealed record PipelineTargetOutcome(Guid TargetAppId, Guid? DeploymentId, Guid SourceDeploymentId, string? Error)
{
    public static List<PipelineTargetOutcome> From(PipelinePromotionResult result) =>
        [.. result.Targets.Select(t => new PipelineTargetOutcome(t.AppId, t.DeploymentId, result.SourceDeploymentId, t.Error))];
}
