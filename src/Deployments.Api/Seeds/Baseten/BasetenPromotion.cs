using Deployments.Api.Apis;
using Deployments.Refusals;
using Deployments.Service;

namespace Deployments.Api.Seeds.Baseten;

/// <summary>
/// The same use case as <c>POST /api/environments/{name}/promote</c>, after checking what Baseten's path adds: that the
/// deployment is one of this chain's or model's. The services it uses are bound as one handler parameter.
/// </summary>
internal sealed record BasetenPromotion(AppCatalog Apps, DeploymentService Deployments, EnvironmentCatalog Environments, DeploymentPromotions Promotions)
{
    /// <summary>
    /// Makes the deployment live in the app's environment <paramref name="envName"/> and reads it back. An environment
    /// that requires approval starts its wait as it does for our API; the deployment is then read not yet live there.
    /// </summary>
    /// <param name="kind">"chain" or "model": what the path calls the app, for the refusals.</param>
    public async Task<BasetenDeploymentFacts> PromoteAsync(string kind, string appId, string envName, string? deploymentId, bool scaleDownPrevious, string actor, CancellationToken ct)
    {
        RequiredFields.Check(("deployment_id", deploymentId is not null));
        var app = (Guid.TryParse(appId, out var appGuid) ? await Apps.FindAppAsync(appGuid, ct) : null) ?? throw new NotFoundException(kind, appId);
        var deployment = (Guid.TryParse(deploymentId, out var id) ? await Deployments.GetAsync(id, ct) : null) ?? throw new NotFoundException("deployment", deploymentId!);
        if (deployment.AppId != app.Id)
        {
            throw new UnprocessableException("deployment_id", $"Deployment {deploymentId} is not a deployment of {kind} {appId}.");
        }

        var environment = await Environments.GetEnvironmentAsync(app.Namespace, envName, ct);
        await Promotions.PromoteToEnvironmentAsync(environment.Namespace, environment.Name, deployment.Id, scaleDownPrevious, actor, ct);

        var promoted = await Deployments.GetRequiredAsync(deployment.Id, ct);
        var revision = await Apps.GetRevisionAsync(app.Id, promoted.Revision, ct);
        var allocations = await Deployments.AllocationsAsync(promoted.Id, ct);
        var liveIn = (await Environments.ListEnvironmentsAsync(app.Namespace, ct)).Where(e => e.LiveDeploymentId == promoted.Id).Select(e => e.Name).ToList();
        return new BasetenDeploymentFacts(app, promoted, revision.Resources, allocations, liveIn.Contains(environment.Name) ? environment.Name : liveIn.FirstOrDefault());
    }
}
