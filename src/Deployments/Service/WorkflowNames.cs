namespace Deployments.Service;

/// <summary>
/// The orchestrations the services start and the events they raise into them, by the names both sides use.
/// The orchestrations are built on these (and call the services); the services never see the orchestrations.
/// </summary>
internal static class WorkflowNames
{
    /// <summary>A deployment's rollout; its instance id is <see cref="DeploymentService.InstanceIdFor"/>.</summary>
    public const string Rollout = "Rollout";

    /// <summary>Making a deployment an environment's live one, after approval where the environment asks for it.</summary>
    public const string EnvironmentPromotion = "EnvironmentPromotion";

    /// <summary>Deleting the source app of a promotion to another cluster once its copy succeeded.</summary>
    public const string RetireSource = "RetireSourceAfterPromotion";

    /// <summary>Stopping a replaced deployment's allocations.</summary>
    public const string ScaleDown = "ScaleDown";

    /// <summary>The event that carries a <see cref="RolloutCommand"/> to a rollout.</summary>
    public const string CommandEvent = "command";

    /// <summary>The event that carries an <see cref="ApprovalDecision"/> to an environment promotion.</summary>
    public const string ApprovalEvent = "approval";

    /// <summary>One environment promotion per deployment at a time: the id says which.</summary>
    public static string EnvironmentPromotionInstanceId(Guid deploymentId) => $"env-promotion-{deploymentId:N}";
}
