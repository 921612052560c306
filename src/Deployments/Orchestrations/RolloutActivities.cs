using Deployments.Service;

namespace Deployments.Orchestrations;

/// <summary>Names of the rollout's activities, shared by the orchestrator and the registration.</summary>
public static class RolloutActivities
{
    /// <summary><see cref="Activities.LoadRolloutPlanActivity"/>: reads the plan.</summary>
    public const string LoadPlan = "LoadRolloutPlan";
    /// <summary><see cref="Activities.UpdateDeploymentActivity"/>: records progress or a status change.</summary>
    public const string Update = "UpdateDeployment";
    /// <summary><see cref="Activities.PlaceAllocationsActivity"/>: starts allocations.</summary>
    public const string Place = "PlaceAllocations";
    /// <summary><see cref="Activities.StopAllocationsActivity"/>: stops allocations.</summary>
    public const string Stop = "StopAllocations";
    /// <summary><see cref="Activities.CheckAllocationHealthActivity"/>: reports allocation health.</summary>
    public const string CheckHealth = "CheckAllocationHealth";
    /// <summary><see cref="Activities.CompleteRolloutActivity"/>: applies a successful rollout to its app.</summary>
    public const string Complete = "CompleteRollout";
    /// <summary><see cref="Activities.StartRollbackActivity"/>: starts the automatic rollback of a failed deployment.</summary>
    public const string StartRollback = "StartRollback";
    /// <summary><see cref="Activities.IsDeploymentFinishedActivity"/>: whether another deployment has ended.</summary>
    public const string IsFinished = "IsDeploymentFinished";
    /// <summary>Event a user's command reaches the running rollout by.</summary>
    public const string CommandEvent = WorkflowNames.CommandEvent;

    /// <summary>
    /// How often an orchestration polls another deployment (for its end) before it continues as new: every
    /// poll adds history, and a deployment can wait behind another for days.
    /// </summary>
    public const int PollsPerGeneration = 100;
}
