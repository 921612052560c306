namespace Deployments.Api.Seeds.Nomad;

/// <summary>
/// What stands in for Nomad's evaluation: there is no scheduler here, and the rollout's orchestration reacting to
/// a change of the deployment is what Nomad's evaluation is. Its id is derived from the deployment and the
/// modify index of that change, so the same change always names the same evaluation, and a new change a new one.
/// </summary>
internal static class NomadEvaluation
{
    public static Guid For(Guid deploymentId, long modifyIndex) => NameBasedGuid.From($"nomad-evaluation:{deploymentId:N}:{modifyIndex}");
}
