using Deployments.Drivers;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>
/// Places allocations through the cluster's driver. The record is written before the driver acts and
/// the driver is idempotent per allocation id, so a re-run after a crash never places a second copy.
/// </summary>
public sealed class PlaceAllocationsActivity(AppStore apps, AllocationStore allocations, ClusterTargets clusters, SecretResolver secrets, TimeProvider time)
    : TaskActivity<PlaceRequest, int>
{
    /// <summary>Places the requested allocations and returns how many it placed.</summary>
    public override async Task<int> RunAsync(TaskActivityContext context, PlaceRequest request)
    {
        var (app, target, driver) = await clusters.ForAppIdAsync(request.AppId, CancellationToken.None);
        var revision = await apps.GetRevisionAsync(request.AppId, request.Revision, CancellationToken.None)
            ?? throw new NotFoundException("revision", $"{request.AppId}/{request.Revision}");
        var placed = 0;
        foreach (var planned in request.Allocations)
        {
            var existing = await allocations.GetAsync(request.AppId, planned.Id, CancellationToken.None);
            if (existing is { Address: not null })
            {
                continue;
            }

            var now = time.GetUtcNow();
            var record = existing ?? new Allocation(planned.Id, request.DeploymentId, request.AppId, planned.Group, request.Revision, planned.Canary,
                AllocationHealth.Pending, AllocationStatus.Running, AllocationStatus.Pending, null, null, null, now, now);
            await allocations.UpsertAsync(record, CancellationToken.None);

            var spec = new AllocationSpec(planned.Id.ToString("N"), request.DeploymentId.ToString("N"), app.Name, planned.Group, revision.Number,
                revision.Artifact.Command ?? revision.Artifact.Image ?? "", revision.Artifact.Args, secrets.Resolve(revision), revision.HealthPath);
            var placement = await driver.PlaceAsync(target, spec, CancellationToken.None);
            await allocations.UpsertAsync(record with
            {
                ActualStatus = AllocationStatus.Running,
                Address = placement.Address,
                ProcessId = placement.ProcessId,
                HealthUrl = placement.HealthUrl,
                UpdatedAt = time.GetUtcNow(),
            }, CancellationToken.None);
            placed++;
        }

        return placed;
    }
}
