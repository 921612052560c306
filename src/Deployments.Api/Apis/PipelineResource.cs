using Deployments.Model;

namespace Deployments.Api.Apis;

/// <summary>A pipeline: stages of apps, each stage promoted from the one before.</summary>
internal sealed record PipelineResource(Guid Id, string Name, string Namespace, IReadOnlyList<IReadOnlyList<Guid>> Stages, DateTimeOffset CreatedAt)
{
    public static PipelineResource From(Pipeline pipeline) => new(pipeline.Id, pipeline.Name, pipeline.Namespace, pipeline.Stages, pipeline.CreatedAt);
}

internal sealed record PipelineList(IReadOnlyList<PipelineResource> Pipelines);
