using Deployments.Model;
using Deployments.Rules;

namespace Deployments.Orchestrations;

/// <summary>
/// Everything a rollout needs to know, read by its first activity (and again once a deployment it
/// supersedes has ended). <see cref="StableRevision"/> and <see cref="StableCounts"/> are what ran before any
/// deployment still in flight: what a cancel puts back. <see cref="IdSeed"/>, new at every load, seeds the ids the
/// rollout gives its updates and allocations (<see cref="DeterministicIds"/>).
/// </summary>
/// <param name="DeploymentId">Deployment being rolled out.</param>
/// <param name="AppId">App the deployment belongs to.</param>
/// <param name="Strategy">How instances are replaced.</param>
/// <param name="Options">Rollout tuning the deployment was created with.</param>
/// <param name="Revision">Revision being rolled out.</param>
/// <param name="PreviousRevision">Revision the app ran before; null for its first deployment.</param>
/// <param name="Desired">Target instance count per group.</param>
/// <param name="Steps">Canary steps; empty for other strategies.</param>
/// <param name="Existing">Allocations already running for the app when the plan was read.</param>
/// <param name="WaitForDeploymentId">Deployment this one supersedes and waits on to end; null when none.</param>
/// <param name="Instant">Whether to skip the gradual rollout and replace everything at once.</param>
/// <param name="StableRevision">Revision a cancel restores; null when the app has none.</param>
/// <param name="StableCounts">Instance counts per group a cancel restores; null when the app has none.</param>
/// <param name="IdSeed">Seed for the ids this load of the plan hands out.</param>
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
/// <param name="Id">Allocation id.</param>
/// <param name="Group">Group the allocation serves.</param>
/// <param name="Revision">Revision it runs.</param>
/// <param name="Canary">Whether it was placed as a canary.</param>
/// <param name="Owner">Deployment that placed it; null when unknown.</param>
public sealed record PlannedAllocation(Guid Id, string Group, int Revision, bool Canary, Guid? Owner = null);

/// <summary>Asks the place activity to start allocations for a revision.</summary>
/// <param name="DeploymentId">Deployment doing the placing.</param>
/// <param name="AppId">App the allocations belong to.</param>
/// <param name="Revision">Revision the allocations run.</param>
/// <param name="Allocations">Allocations to place; their ids make a re-run place nothing twice.</param>
public sealed record PlaceRequest(Guid DeploymentId, Guid AppId, int Revision, IReadOnlyList<PlannedAllocation> Allocations);

/// <summary>Asks the health activity how a set of allocations is doing.</summary>
/// <param name="DeploymentId">Deployment asking.</param>
/// <param name="AppId">App the allocations belong to.</param>
/// <param name="AllocationIds">Allocations to check.</param>
/// <param name="MinHealthyTime">How long an allocation must have been healthy to count.</param>
/// <param name="Manual">Whether health is confirmed by hand rather than by checks.</param>
public sealed record HealthRequest(Guid DeploymentId, Guid AppId, IReadOnlyList<Guid> AllocationIds, TimeSpan MinHealthyTime, bool Manual);

/// <summary>Health of a set of allocations; lost ones must be replaced, never counted healthy.</summary>
/// <param name="Healthy">Allocations healthy for long enough.</param>
/// <param name="Unhealthy">Allocations failing their checks.</param>
/// <param name="Pending">Allocations not yet decided either way.</param>
/// <param name="Lost">Allocations that are gone and need replacing.</param>
public sealed record HealthSummary(int Healthy, int Unhealthy, int Pending, IReadOnlyList<Guid> Lost)
{
    /// <summary>Whether exactly <paramref name="expected"/> allocations are healthy.</summary>
    public bool AllHealthy(int expected) => Healthy == expected;
}

/// <summary>A status change the rollout asks for; <see cref="UpdateId"/> makes a re-run of the activity a no-op.</summary>
/// <param name="DeploymentId">Deployment to update.</param>
/// <param name="UpdateId">Id of this update, deterministic so a replay applies it once.</param>
/// <param name="Kind">Event kind recorded with the update ("failed", say).</param>
/// <param name="Message">Event message recorded with the update.</param>
/// <param name="Command">State change to apply; null to record the event only.</param>
/// <param name="Description">New status description; unchanged when null.</param>
/// <param name="Groups">New per-group progress; unchanged when null.</param>
/// <param name="CurrentStep">Canary step reached; unchanged when null.</param>
/// <param name="TotalSteps">Canary steps in all; unchanged when null.</param>
/// <param name="Actor">Who the change is recorded against.</param>
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

/// <summary>How a rollout ended.</summary>
/// <param name="Status">Final status of the deployment.</param>
/// <param name="Description">Why it ended that way.</param>
/// <param name="RollbackDeploymentId">Rollback started because it failed; null when none.</param>
public sealed record RolloutOutcome(DeploymentStatus Status, string Description, Guid? RollbackDeploymentId = null);

/// <summary>Asks for a rollback after a rollout failed.</summary>
/// <param name="AppId">App to roll back.</param>
/// <param name="Revision">Revision to go back to.</param>
/// <param name="FailedDeploymentId">Deployment that failed.</param>
/// <param name="Reason">Why the rollback is needed.</param>
public sealed record RollbackRequest(Guid AppId, int Revision, Guid FailedDeploymentId, string Reason);
