using Deployments.Drivers;
using Deployments.Model;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>
/// Probes allocations (or, with manual health, reads what was set by hand). An allocation counts
/// healthy only after passing for min_healthy_time; one whose process or host is gone is reported lost.
/// </summary>
public sealed class CheckAllocationHealthActivity(AllocationStore allocations, ClusterTargets clusters, TimeProvider time)
    : TaskActivity<HealthRequest, HealthSummary>
{
    /// <summary>Checks each requested allocation and returns the counts by health, with the lost ones named.</summary>
    public override async Task<HealthSummary> RunAsync(TaskActivityContext context, HealthRequest request)
    {
        var (_, target, driver) = await clusters.ForAppIdAsync(request.AppId, CancellationToken.None);
        int healthy = 0, unhealthy = 0, pending = 0;
        var lost = new List<Guid>();
        foreach (var id in request.AllocationIds)
        {
            var allocation = await allocations.GetAsync(request.AppId, id, CancellationToken.None);
            if (allocation?.Address is not { } address)
            {
                lost.Add(id);
                continue;
            }

            var now = time.GetUtcNow();
            AllocationHealth health;
            if (request.Manual)
            {
                // What an operator set is not an observation to rewrite: stored as pending while inside
                // min_healthy_time, a "healthy" mark would be read back as pending and lost for good.
                health = allocation.Health == AllocationHealth.Healthy && now - (allocation.HealthySince ?? now) < request.MinHealthyTime
                    ? AllocationHealth.Pending
                    : allocation.Health;
            }
            else
            {
                var observed = await ProbeAsync(driver, target, allocation, address, CancellationToken.None);
                if (observed is null)
                {
                    lost.Add(id);
                    await allocations.UpsertAsync(allocation with { ActualStatus = AllocationStatus.Lost, Health = AllocationHealth.Unhealthy, UpdatedAt = now }, CancellationToken.None);
                    continue;
                }

                var since = observed == AllocationHealth.Healthy ? allocation.HealthySince ?? now : (DateTimeOffset?)null;
                var counted = observed == AllocationHealth.Healthy && now - since >= request.MinHealthyTime;
                health = observed == AllocationHealth.Healthy && !counted ? AllocationHealth.Pending : observed.Value;
                if (allocation.Health != health || allocation.HealthySince != since)
                {
                    await allocations.UpsertAsync(allocation with { Health = health, HealthySince = since, UpdatedAt = now }, CancellationToken.None);
                }
            }

            switch (health)
            {
                case AllocationHealth.Healthy:
                    healthy++;
                    break;
                case AllocationHealth.Unhealthy:
                    unhealthy++;
                    break;
                default:
                    pending++;
                    break;
            }
        }

        return new HealthSummary(healthy, unhealthy, pending, lost);
    }

    /// <summary>The driver's view mapped to allocation health; null means the allocation is gone.</summary>
    private static async Task<AllocationHealth?> ProbeAsync(ITargetDriver driver, ClusterTarget target, Allocation allocation, string address, CancellationToken cancellationToken)
    {
        var report = await driver.CheckHealthAsync(target, new Placement(allocation.Id.ToString("N"), address, allocation.ProcessId, allocation.HealthUrl), cancellationToken);
        return report.State switch
        {
            HealthState.Healthy => AllocationHealth.Healthy,
            HealthState.Unhealthy => AllocationHealth.Unhealthy,
            HealthState.Lost => null,
            // The driver cannot tell (a platform that reports health itself): use what was last set for it.
            _ => allocation.Health,
        };
    }
}
