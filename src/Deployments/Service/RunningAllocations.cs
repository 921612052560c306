using Deployments.Model;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>
/// What runs now, app by app, for a monitoring system to find and scrape (the Prometheus service discovery):
/// every allocation that is running and meant to, with an address to reach it at.
/// </summary>
public sealed class RunningAllocations(AppStore apps, AllocationStore allocations)
{
    /// <summary>
    /// The running allocations of one namespace, or with none named, of every namespace the caller may see (the
    /// stores leave out what a scoped caller may not reach). Ordered by app, then by when each was placed, so a
    /// poller sees the same list while nothing changes.
    /// </summary>
    public async Task<IReadOnlyList<AppAllocation>> ListAsync(string? @namespace, CancellationToken cancellationToken)
    {
        if (@namespace is not null)
        {
            CallerScope.Demand(@namespace);
        }

        var found = @namespace is null ? await apps.ListAllAsync(cancellationToken) : await apps.ListAsync(@namespace, cancellationToken);
        var perApp = await Task.WhenAll(found
            .OrderBy(app => app.Namespace, StringComparer.Ordinal)
            .ThenBy(app => app.Name, StringComparer.Ordinal)
            .Select(async app => (await allocations.ForAppAsync(app.Id, cancellationToken))
                .Where(IsRunning)
                .Select(allocation => new AppAllocation(app, allocation))));
        return [.. perApp.SelectMany(running => running)];
    }

    /// <summary>
    /// Desired and actual both: one being stopped still answers but is on its way out, and one not yet started has
    /// nothing to scrape.
    /// </summary>
    private static bool IsRunning(Allocation allocation) =>
        allocation is { DesiredStatus: AllocationStatus.Running, ActualStatus: AllocationStatus.Running, Address: { Length: > 0 } };
}

/// <summary>A running allocation with the app it belongs to, whose name and namespace label it.</summary>
public sealed record AppAllocation(App App, Allocation Allocation);
