using Deployments.Model;
using Deployments.Storage;
using Microsoft.DurableTask.Client;

namespace Deployments.Service;

/// <summary>Finishes what a crashed process left half-written; the hosts run it on a timer.</summary>
public sealed class DeploymentRecovery(DeploymentService service, DeploymentStore deployments, DurableTaskClient orchestrations, TimeProvider time)
{
    /// <summary>
    /// One recovery pass over the deployments not yet ended, for what a crash between two writes leaves:
    /// an index row without its record (the record is written from it), an index row behind its record
    /// (re-indexed), and a deployment recorded but never started (launched). Rows changed within
    /// <paramref name="settle"/> are left to the request still writing them. Returns how many it launched.
    /// </summary>
    public async Task<int> RecoverAsync(TimeSpan settle, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - settle;
        var launched = 0;
        foreach (var indexed in await deployments.UnfinishedAsync(cancellationToken))
        {
            if (indexed.UpdatedAt > cutoff)
            {
                continue;
            }

            var deployment = await deployments.ReconcileAsync(indexed, cancellationToken);
            // Pending and promoting are the statuses before the orchestration's first step: without an
            // orchestration, nothing else would ever move them.
            if (deployment.Status is DeploymentStatus.Pending or DeploymentStatus.Promoting
                && await orchestrations.GetInstanceAsync(DeploymentService.InstanceIdFor(deployment.Id), cancellationToken) is null)
            {
                await service.LaunchAsync(deployment, cancellationToken);
                launched++;
            }
        }

        return launched;
    }
}
