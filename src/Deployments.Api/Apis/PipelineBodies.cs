using Deployments.Service;

namespace Deployments.Api.Apis;

internal sealed record CreatePipelineBody(string? Name = null, string? Namespace = null, IReadOnlyList<IReadOnlyList<Guid>>? Stages = null);

/// <summary>PATCH: fields left out stay as they are; stages given replace the current ones.</summary>
internal sealed record UpdatePipelineBody(string? Name = null, IReadOnlyList<IReadOnlyList<Guid>>? Stages = null)
{
    public PipelineUpdate ToUpdate() => new(Name, Stages);
}

/// <summary>Sevalla-style: the source app's latest successful deployment to the target apps (the next stage's when left out).</summary>
internal sealed record PromotePipelineBody(Guid? SourceAppId = null, IReadOnlyList<Guid>? TargetAppIds = null);
