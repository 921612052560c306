using Deployments.Model;

namespace Deployments.Service;

public sealed record CreateAppRequest(
    string Name,
    Guid ClusterId,
    IReadOnlyDictionary<string, int> Groups,
    string? Namespace = null,
    string? Environment = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Annotations = null,
    RevisionSpec? Revision = null);

/// <summary>Deploy an existing revision, or a new one built from <see cref="NewRevision"/>.</summary>
public sealed record CreateDeploymentRequest(
    Guid AppId,
    Strategy Strategy,
    string Actor,
    int? Revision = null,
    RevisionSpec? NewRevision = null,
    DeploymentOptions? Options = null,
    string? Reason = null,
    ResourceMetadata? Metadata = null);

/// <summary>Roll an app back to a revision (its last stable one when not given).</summary>
public sealed record RollbackCommand(Guid AppId, int? Revision, string Actor, string? Reason = null, Guid? FailedDeploymentId = null);

/// <summary>Mengi-style: copy a deployment's revision to another cluster, optionally renamed and overridden.</summary>
public sealed record PromoteToClusterRequest(Guid DeploymentId, Guid TargetClusterId, string Actor, string? NewName = null, bool DeleteSource = false, RevisionOverrides? Overrides = null);

public sealed record PromoteToClusterResult(Guid SourceDeploymentId, Guid NewDeploymentId, Guid TargetClusterId, bool SourceDeleted, string Message);

public sealed record PipelinePromotionTarget(Guid AppId, Guid? DeploymentId, string? Error);

public sealed record PipelinePromotionResult(Guid PipelineId, Guid SourceAppId, Guid SourceDeploymentId, IReadOnlyList<PipelinePromotionTarget> Targets);

public sealed record EnvironmentPromotionResult(string Environment, Guid DeploymentId, Guid? PreviousDeploymentId, bool AwaitingApproval, bool ScaledDownPrevious, string Message);
