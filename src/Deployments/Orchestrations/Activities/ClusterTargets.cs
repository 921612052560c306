using Deployments.Drivers;
using Deployments.Model;
using Deployments.Storage;

namespace Deployments.Orchestrations.Activities;

/// <summary>Resolves which cluster (and so which driver) an app's allocations run on.</summary>
public sealed class ClusterTargets(CatalogStore catalog, TargetDriverRegistry drivers)
{
    public async Task<(ClusterTarget Target, ITargetDriver Driver)> ForAppAsync(App app, CancellationToken cancellationToken)
    {
        var cluster = await catalog.GetClusterAsync(app.ClusterId, cancellationToken)
            ?? throw new NotFoundException("cluster", app.ClusterId.ToString());
        return (new ClusterTarget(cluster.Id.ToString("N"), cluster.Driver, cluster.DriverSettings), drivers.Get(cluster.Driver));
    }
}
