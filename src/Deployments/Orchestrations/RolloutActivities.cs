using Deployments.Service;

namespace Deployments.Orchestrations;

/// <summary>Names of the rollout's activities, shared by the orchestrator and the registration.</summary>
public static class RolloutActivities
{
    public const string LoadPlan = "LoadRolloutPlan";
    public const string Update = "UpdateDeployment";
    public const string Place = "PlaceAllocations";
    public const string Stop = "StopAllocations";
    public const string CheckHealth = "CheckAllocationHealth";
    public const string Complete = "CompleteRollout";
    public const string StartRollback = "StartRollback";
    public const string IsFinished = "IsDeploymentFinished";
    public const string CommandEvent = WorkflowNames.CommandEvent;

    /// <summary>
    /// How often an orchestration polls another deployment (for its end) before it continues as new: every
    /// poll adds history, and a deployment can wait behind another for days.
    /// </summary>
    public const int PollsPerGeneration = 100;
}
