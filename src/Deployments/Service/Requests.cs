using Deployments.Model;

namespace Deployments.Service;

/// <summary>What a new revision is made of; unspecified parts take safe defaults.</summary>
public sealed record RevisionSpec(
    Artifact Artifact,
    IReadOnlyDictionary<string, string>? Config = null,
    IReadOnlyDictionary<string, EnvironmentValue>? Environment = null,
    Resources? Resources = null,
    string? HealthPath = null);

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

public sealed record RevisionOverrides(
    Artifact? Artifact = null,
    IReadOnlyDictionary<string, string>? Config = null,
    IReadOnlyDictionary<string, EnvironmentValue>? Environment = null,
    ResourceOverrides? Resources = null,
    string? HealthPath = null,
    IReadOnlyDictionary<string, int>? Groups = null,
    int? Replicas = null)
{
    /// <summary>Named groups' counts, or one count (Mengi's <c>replicas</c>) for every group of the source app, or the source's.</summary>
    public IReadOnlyDictionary<string, int> GroupsFor(IReadOnlyDictionary<string, int> source) =>
        Groups ?? (Replicas is { } replicas ? source.ToDictionary(g => g.Key, _ => replicas) : source);
}

/// <summary>Resource fields to change; those left out keep the source revision's.</summary>
public sealed record ResourceOverrides(double? Cpu = null, int? MemoryMb = null, int? DiskMb = null, int? StorageMb = null, int? Port = null, IReadOnlyList<string>? Volumes = null)
{
    public Resources ApplyTo(Resources source) => new(
        Cpu ?? source.Cpu, MemoryMb ?? source.MemoryMb, DiskMb ?? source.DiskMb, StorageMb ?? source.StorageMb, Port ?? source.Port, Volumes ?? source.Volumes);
}

public sealed record PromoteToClusterResult(Guid SourceDeploymentId, Guid NewDeploymentId, Guid TargetClusterId, bool SourceDeleted, string Message);

public sealed record PipelinePromotionTarget(Guid AppId, Guid? DeploymentId, string? Error);

public sealed record PipelinePromotionResult(Guid PipelineId, Guid SourceAppId, Guid SourceDeploymentId, IReadOnlyList<PipelinePromotionTarget> Targets);

public sealed record EnvironmentPromotionResult(string Environment, Guid DeploymentId, Guid? PreviousDeploymentId, bool AwaitingApproval, bool ScaledDownPrevious, string Message);
