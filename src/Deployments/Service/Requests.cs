using Deployments.Model;

namespace Deployments.Service;

/// <summary>Register a new app on a cluster, optionally with its first revision.</summary>
/// <param name="Name">App name, unique within its namespace on the cluster.</param>
/// <param name="ClusterId">Cluster the app runs on.</param>
/// <param name="Groups">Desired instance count per group name.</param>
/// <param name="Namespace">Namespace to place the app in; the default namespace when null.</param>
/// <param name="Environment">Environment the app belongs to, used by promotions; none when null.</param>
/// <param name="Labels">Labels to attach to the app; none when null.</param>
/// <param name="Annotations">Annotations to attach to the app; none when null.</param>
/// <param name="Revision">First revision to register; the app starts without one when null.</param>
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
/// <param name="AppId">App to deploy.</param>
/// <param name="Strategy">How the rollout replaces the running instances.</param>
/// <param name="Actor">Who asked for the deployment, recorded for audit.</param>
/// <param name="Revision">Existing revision number to deploy; ignored when <paramref name="NewRevision"/> is given.</param>
/// <param name="NewRevision">Spec for a new revision to create and deploy.</param>
/// <param name="Options">Rollout tuning; the defaults when null.</param>
/// <param name="Reason">Free-text reason recorded with the deployment.</param>
/// <param name="Metadata">Labels and annotations for the deployment itself.</param>
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
/// <param name="AppId">App to roll back.</param>
/// <param name="Revision">Revision to go back to; the last stable one when null.</param>
/// <param name="Actor">Who asked for the rollback, recorded for audit.</param>
/// <param name="Reason">Free-text reason recorded with the rollback.</param>
/// <param name="FailedDeploymentId">Deployment whose failure triggered the rollback, when it was automatic.</param>
public sealed record RollbackCommand(Guid AppId, int? Revision, string Actor, string? Reason = null, Guid? FailedDeploymentId = null);

/// <summary>Mengi-style: copy a deployment's revision to another cluster, optionally renamed and overridden.</summary>
/// <param name="DeploymentId">Deployment whose revision is copied.</param>
/// <param name="TargetClusterId">Cluster to deploy the copy on.</param>
/// <param name="Actor">Who asked for the promotion, recorded for audit.</param>
/// <param name="NewName">App name on the target cluster; the source app's name when null.</param>
/// <param name="DeleteSource">Whether to retire the source app once the copy is deployed.</param>
/// <param name="Overrides">Changes applied to the copied revision; none when null.</param>
/// <param name="Annotations">Annotations the new app carries beside the source app's (replacing those of the same key): what a caller sent that no driver acts on, kept where people and tools can read it.</param>
public sealed record PromoteToClusterRequest(Guid DeploymentId, Guid TargetClusterId, string Actor, string? NewName = null, bool DeleteSource = false, RevisionOverrides? Overrides = null,
    IReadOnlyDictionary<string, string>? Annotations = null);

/// <summary>Outcome of a <see cref="PromoteToClusterRequest"/>.</summary>
/// <param name="SourceDeploymentId">Deployment that was copied.</param>
/// <param name="NewDeploymentId">Deployment started on the target cluster.</param>
/// <param name="TargetClusterId">Cluster the copy was deployed on.</param>
/// <param name="SourceDeleted">Whether the source app was retired.</param>
/// <param name="Message">Human-readable summary for the caller.</param>
public sealed record PromoteToClusterResult(Guid SourceDeploymentId, Guid NewDeploymentId, Guid TargetClusterId, bool SourceDeleted, string Message);

/// <summary>One app a pipeline promotion tried to deploy to.</summary>
/// <param name="AppId">Target app.</param>
/// <param name="DeploymentId">Deployment started for the app; null when it failed.</param>
/// <param name="Error">Why the promotion to this app failed; null on success.</param>
public sealed record PipelinePromotionTarget(Guid AppId, Guid? DeploymentId, string? Error);

/// <summary>Outcome of promoting a deployment along a pipeline to its target apps.</summary>
/// <param name="PipelineId">Pipeline that was followed.</param>
/// <param name="SourceAppId">App the promoted revision came from.</param>
/// <param name="SourceDeploymentId">Deployment whose revision was promoted.</param>
/// <param name="Targets">Per-target results, one per app in the pipeline stage.</param>
public sealed record PipelinePromotionResult(Guid PipelineId, Guid SourceAppId, Guid SourceDeploymentId, IReadOnlyList<PipelinePromotionTarget> Targets);

/// <summary>Outcome of promoting into an environment.</summary>
/// <param name="Environment">Environment promoted into.</param>
/// <param name="DeploymentId">Deployment started in the environment.</param>
/// <param name="PreviousDeploymentId">Deployment it replaces; null when the environment had none.</param>
/// <param name="AwaitingApproval">Whether the promotion waits for an approval before going ahead.</param>
/// <param name="ScaledDownPrevious">Whether the previous deployment was scaled down.</param>
/// <param name="Message">Human-readable summary for the caller.</param>
public sealed record EnvironmentPromotionResult(string Environment, Guid DeploymentId, Guid? PreviousDeploymentId, bool AwaitingApproval, bool ScaledDownPrevious, string Message);
