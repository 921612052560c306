using Deployments.Drivers;
using Deployments.Model;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>
/// Stops allocations through the driver; already stopped ones are skipped, so a re-run is harmless. An app
/// deleted meanwhile (during a scale-down delay, say) has nothing left to stop: its retirement stopped every instance.
/// </summary>
public sealed class StopAllocationsActivity(AllocationStore allocations, AppStore apps, ClusterTargets clusters, TimeProvider time)
    : TaskActivity<StopRequest, int>
{
    /// <summary>Stops the requested allocations and returns how many it stopped; 0 when the app is gone.</summary>
    public override async Task<int> RunAsync(TaskActivityContext context, StopRequest request)
    {
        if (await apps.GetAsync(request.AppId, CancellationToken.None) is not { } app)
        {
            return 0;
        }

        var (target, driver) = await clusters.ForAppAsync(app, CancellationToken.None);
        var stopped = 0;
        foreach (var id in request.AllocationIds)
        {
            if (await allocations.GetAsync(request.AppId, id, CancellationToken.None) is not { } allocation
                || allocation is { DesiredStatus: AllocationStatus.Stopped, ActualStatus: AllocationStatus.Stopped }
                || (request.ExpectedOwners?.TryGetValue(id, out var owner) == true && owner != allocation.DeploymentId))
            {
                continue;
            }

            if (allocation.Address is { } address)
            {
                await driver.StopAsync(target, new Placement(id.ToString("N"), address, allocation.ProcessId, allocation.HealthUrl), CancellationToken.None);
            }

            await allocations.UpsertAsync(allocation with
            {
                DesiredStatus = AllocationStatus.Stopped,
                ActualStatus = AllocationStatus.Stopped,
                UpdatedAt = time.GetUtcNow(),
            }, CancellationToken.None);
            stopped++;
        }

        return stopped;
    }
}
