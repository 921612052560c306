namespace Deployments.Api.Seeds.Baseten;

/// <summary>
/// Baseten's chain promote request. <c>deployment_id</c> is a string in Baseten's document: an id that is not
/// one of ours names no deployment (404) rather than failing to bind.
/// </summary>
internal sealed record PromoteToChainEnvironmentRequestV1(string? DeploymentId = null, bool ScaleDownPreviousDeployment = true);

/// <summary>
/// Baseten's model promote request. <c>preserve_env_instance_type</c> is read and has no effect: an environment
/// here has no instance type of its own, so the deployment always keeps its revision's resources.
/// </summary>
internal sealed record PromoteToEnvironmentRequestV1(string? DeploymentId = null, bool ScaleDownPreviousDeployment = true, bool PreserveEnvInstanceType = true);
