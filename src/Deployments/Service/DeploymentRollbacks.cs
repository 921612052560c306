using Deployments.Model;
using Deployments.Refusals;
using Deployments.Storage;
using Microsoft.Extensions.Options;

namespace Deployments.Service;

/// <summary>Rollbacks of an app to an earlier revision, asked for by a user or by a failed rollout's auto-revert.</summary>
public sealed class DeploymentRollbacks(DeploymentService service, DeploymentStore deployments, AppStore apps, IOptions<DeploymentServiceOptions> options)
{
    /// <summary>
    /// Rolls an app back to a revision (its last stable one by default). A rollback to one of the most
    /// recent revisions is instant: full scale at once, no canary steps, adopting old instances still up.
    /// </summary>
    public async Task<Deployment> RollbackAsync(RollbackCommand command, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(command.AppId, cancellationToken) ?? throw new NotFoundException("app", command.AppId.ToString());
        var target = command.Revision ?? await PreviousStableRevisionAsync(app, command.FailedDeploymentId is not null, cancellationToken)
            ?? throw new UnprocessableException("revision", $"App {app.Name} has no earlier stable revision to roll back to.");
        if (await apps.GetRevisionAsync(app.Id, target, cancellationToken) is null)
        {
            throw new UnprocessableException("revision", $"App {app.Name} has no revision {target}.");
        }

        // An automatic rollback's id derives from the failed deployment, so starting it twice finds the first.
        var id = command.FailedDeploymentId is { } failed ? RequestIds.Hash($"rollback:{failed:N}") : RequestIds.New($"rollback:{app.Id:N}");
        if (await deployments.GetAsync(id, cancellationToken) is { } existing)
        {
            return await service.LaunchAsync(existing, cancellationToken);
        }

        var instant = app.LatestRevision - target < options.Value.RollbackWindowRevisions;
        var rollbackOptions = new DeploymentOptions { MaxInFlight = Math.Max(1, app.TotalInstances), HealthCheck = HealthCheckMode.Checks };
        return await service.StartDeploymentAsync(app, target, Strategy.Rolling, rollbackOptions, command.Actor,
            command.Reason ?? $"Rollback to revision {target}", DeploymentKind.Rollback, cancellationToken, id, instant);
    }

    /// <summary>
    /// Without an explicit revision: after a failure, the app's stable revision; by hand, the latest stable
    /// revision before the current one (as "undo" means elsewhere), since the current one may be stable too.
    /// </summary>
    private async Task<int?> PreviousStableRevisionAsync(App app, bool afterFailure, CancellationToken cancellationToken)
    {
        if (afterFailure)
        {
            return app.StableRevision;
        }

        var revisions = await apps.ListRevisionsAsync(app.Id, cancellationToken);
        return revisions.Where(r => r.Stable && r.Number != app.CurrentRevision).Select(r => (int?)r.Number).Max();
    }
}
