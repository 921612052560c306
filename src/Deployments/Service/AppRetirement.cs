using Deployments.Drivers;
using Deployments.Model;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>
/// Removes an app for good: every instance it still runs is stopped through its cluster's driver before the
/// record goes, so no process outlives the app that owned it. A failure part way leaves the app in place
/// (some instances stopped), and repeating the delete finishes the job.
/// </summary>
public sealed class AppRetirement(AppStore apps, AllocationStore allocations, ClusterTargets clusters, TimeProvider time)
{
    /// <summary>Stops every instance the app still runs, then deletes it; returns how many instances were stopped.</summary>
    public async Task<int> StopAndDeleteAsync(App app, CancellationToken cancellationToken)
    {
        var (target, driver) = await clusters.ForAppAsync(app, cancellationToken);
        var records = await allocations.ForAppAsync(app.Id, cancellationToken);
        // What the cluster itself runs counts too: an allocation whose placement was never recorded (a crash
        // between placing and writing the address) is still one of this app's processes.
        var onCluster = (await driver.ListAsync(target, cancellationToken)).ToDictionary(r => r.AllocationId, StringComparer.OrdinalIgnoreCase);
        var stopped = 0;
        foreach (var allocation in records)
        {
            var id = allocation.Id.ToString("N");
            var address = allocation.Address ?? (onCluster.TryGetValue(id, out var found) ? found.Address : null);
            var running = allocation.DesiredStatus == AllocationStatus.Running || onCluster.ContainsKey(id);
            if (!running || address is null)
            {
                continue;
            }

            await driver.StopAsync(target, new Placement(id, address, allocation.ProcessId ?? onCluster.GetValueOrDefault(id)?.ProcessId, allocation.HealthUrl), cancellationToken);
            await allocations.UpsertAsync(allocation with { DesiredStatus = AllocationStatus.Stopped, ActualStatus = AllocationStatus.Stopped, UpdatedAt = time.GetUtcNow() }, cancellationToken);
            stopped++;
        }

        await apps.DeleteAsync(app, cancellationToken);
        return stopped;
    }
}
