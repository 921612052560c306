using Deployments.Drivers;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>Resolves which cluster (and so which driver) an app's allocations run on.</summary>
public sealed class ClusterTargets(CatalogStore catalog, AppStore apps, TargetDriverRegistry drivers)
{
    /// <summary>The app by id with its cluster's target and driver: what every allocation activity starts from.</summary>
    public async Task<(App App, ClusterTarget Target, ITargetDriver Driver)> ForAppIdAsync(Guid appId, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(appId, cancellationToken) ?? throw new NotFoundException("app", appId.ToString());
        var (target, driver) = await ForAppAsync(app, cancellationToken);
        return (app, target, driver);
    }

    /// <summary>The target and driver of the cluster the app runs on; not found when the cluster is gone.</summary>
    public async Task<(ClusterTarget Target, ITargetDriver Driver)> ForAppAsync(App app, CancellationToken cancellationToken)
    {
        var cluster = await catalog.GetClusterAsync(app.ClusterId, cancellationToken)
            ?? throw new NotFoundException("cluster", app.ClusterId.ToString());
        return (new ClusterTarget(cluster.Id.ToString("N"), cluster.Driver, cluster.DriverSettings), drivers.Get(cluster.Driver));
    }
}
