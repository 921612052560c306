using Deployments.Model;
using Deployments.Rules;

namespace Deployments.Orchestrations;

/// <summary>
/// Everything a rollout needs to know, read by its first activity (and again once a deployment it
/// supersedes has ended). <see cref="StableRevision"/> and <see cref="StableCounts"/> are what ran before any
/// deployment still in flight: what a cancel puts back. <see cref="IdSeed"/>, new at every load, seeds the ids the
/// rollout gives its updates and allocations (<see cref="DeterministicIds"/>).
/// </summary>
public sealed record RolloutPlan(
    Guid DeploymentId,
    Guid AppId,
    Strategy Strategy,
    DeploymentOptions Options,
    int Revision,
    int? PreviousRevision,
    IReadOnlyDictionary<string, int> Desired,
    IReadOnlyList<CanaryStep> Steps,
    IReadOnlyList<PlannedAllocation> Existing,
    Guid? WaitForDeploymentId,
    bool Instant,
    int? StableRevision,
    IReadOnlyDictionary<string, int>? StableCounts = null,
    Guid IdSeed = default);

/// <summary>An allocation as the orchestration tracks it: enough to decide, nothing that changes underneath.</summary>
public sealed record PlannedAllocation(Guid Id, string Group, int Revision, bool Canary, Guid? Owner = null);

public sealed record PlaceRequest(Guid DeploymentId, Guid AppId, int Revision, IReadOnlyList<PlannedAllocation> Allocations);

public sealed record HealthRequest(Guid DeploymentId, Guid AppId, IReadOnlyList<Guid> AllocationIds, TimeSpan MinHealthyTime, bool Manual);

/// <summary>Health of a set of allocations; lost ones must be replaced, never counted healthy.</summary>
public sealed record HealthSummary(int Healthy, int Unhealthy, int Pending, IReadOnlyList<Guid> Lost)
{
    public bool AllHealthy(int expected) => Healthy == expected;
}

/// <summary>A status change the rollout asks for; <see cref="UpdateId"/> makes a re-run of the activity a no-op.</summary>
public sealed record DeploymentUpdate(
    Guid DeploymentId,
    Guid UpdateId,
    string Kind,
    string Message,
    Rules.DeploymentCommand? Command = null,
    string? Description = null,
    IReadOnlyDictionary<string, GroupState>? Groups = null,
    int? CurrentStep = null,
    int? TotalSteps = null,
    string Actor = "system");

public sealed record RolloutOutcome(DeploymentStatus Status, string Description, Guid? RollbackDeploymentId = null);

public sealed record RollbackRequest(Guid AppId, int Revision, Guid FailedDeploymentId, string Reason);
