using System.Globalization;
using Deployments.Model;

namespace Deployments.Api.Seeds.Baseten;

/// <summary>What Baseten's answers say about one of our deployments, read once for the chain and the model form alike.</summary>
/// <param name="Environment">The environment of the namespace the deployment is live in, the promoted one first; null when none.</param>
internal sealed record BasetenDeploymentFacts(App App, Deployment Deployment, Resources Resources, IReadOnlyList<Allocation> Allocations, string? Environment)
{
    /// <summary>Baseten sizes replicas by concurrent requests; ours serve without a target, so each counts as one, Baseten's default.</summary>
    private const int ConcurrencyTarget = 1;

    public DeploymentStatusV1 Status => Chainlets.Count > 0 && Chainlets.All(c => c.Status == DeploymentStatusV1.Inactive) ? DeploymentStatusV1.Inactive : BasetenStatuses.Of(Deployment);

    /// <summary>One per group of the app; its id is the deployment's and the group's, so the same chainlet keeps it.</summary>
    public IReadOnlyList<ChainletV1> Chainlets => [.. Desired().Select(group =>
    {
        var active = ActiveReplicas(group.Key);
        return new ChainletV1($"{Deployment.Id:N}-{group.Key}", group.Key, Autoscaling(group.Value),
            InstanceTypeName, active, BasetenStatuses.OfGroup(BasetenStatuses.Of(Deployment), group.Value, active));
    })];

    public int ActiveReplicaCount => Allocations.Count(IsActive);

    public AutoscalingSettingsV1? AutoscalingSettings => Autoscaling(Desired().Values.Sum());

    /// <summary>Baseten's "vCPUs x GiB" naming (its <c>1x4</c>), from the revision's resources.</summary>
    public string InstanceTypeName => string.Create(CultureInfo.InvariantCulture, $"{Resources.Cpu:0.###}x{Resources.MemoryMb / 1024.0:0.###}");

    /// <summary>Null until the rollout is done, as Baseten's document says of a deployment still deploying.</summary>
    private AutoscalingSettingsV1? Autoscaling(int replicas) => Deployment.Status == DeploymentStatus.Successful
        ? new AutoscalingSettingsV1(replicas, replicas, null, null, ConcurrencyTarget, null)
        : null;

    /// <summary>The deployment's own counts once it has them; the app's before its rollout starts.</summary>
    private IReadOnlyDictionary<string, int> Desired() => Deployment.Groups.Count > 0
        ? Deployment.Groups.ToDictionary(g => g.Key, g => g.Value.Desired)
        : App.Groups;

    private int ActiveReplicas(string group) => Allocations.Count(a => a.Group == group && IsActive(a));

    private static bool IsActive(Allocation allocation) =>
        allocation.ActualStatus == AllocationStatus.Running && allocation.DesiredStatus == AllocationStatus.Running && allocation.Health == AllocationHealth.Healthy;
}
