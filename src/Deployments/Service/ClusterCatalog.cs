using Deployments.Drivers;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>
/// Clusters: validated create, read, list, update and delete, with their driver settings checked by the driver. Every request is validated in full before the first write, so a refused one leaves nothing behind.
/// </summary>
public sealed class ClusterCatalog(CatalogStore catalog, AppStore apps, TargetDriverRegistry drivers, TimeProvider time)
{
    /// <summary>Validates and stores a new cluster driven by an available target driver.</summary>
    public async Task<Cluster> CreateClusterAsync(string name, string region, ClusterKind kind, string driver, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        CatalogChecks.RequireName(errors, "name", name);
        if (string.IsNullOrWhiteSpace(region))
        {
            errors.Add(new("region", "is required"));
        }

        if (driver is not ("process" or "webhook"))
        {
            errors.Add(new("driver", "must be 'process' or 'webhook'"));
        }

        CheckDriverSettings(errors, driver, settings);
        CatalogChecks.ThrowIfAny(errors);
        drivers.RequireAvailable(driver);
        if ((await catalog.ListClustersAsync(cancellationToken)).Any(c => c.Name == name))
        {
            throw new CommandRefusedException($"A cluster named '{name}' already exists.");
        }

        var cluster = new Cluster(Guid.NewGuid(), name, region, kind, driver, settings ?? new Dictionary<string, string>(), time.GetUtcNow());
        await catalog.CreateClusterAsync(cluster, cancellationToken);
        return cluster;
    }

    /// <summary>The cluster with this id; throws <see cref="NotFoundException"/> when there is none.</summary>
    public async Task<Cluster> GetClusterAsync(Guid id, CancellationToken cancellationToken) =>
        await catalog.GetClusterAsync(id, cancellationToken) ?? throw new NotFoundException("cluster", id.ToString());

    /// <summary>Every cluster.</summary>
    public Task<IReadOnlyList<Cluster>> ListClustersAsync(CancellationToken cancellationToken) => catalog.ListClustersAsync(cancellationToken);

    /// <summary>Renames, moves or re-kinds a cluster; driver settings are merged, so a secret not sent again is kept.</summary>
    public async Task<Cluster> UpdateClusterAsync(Guid id, ClusterUpdate update, CancellationToken cancellationToken)
    {
        var current = await GetClusterAsync(id, cancellationToken);
        var errors = new List<ValidationError>();
        Names.Optional(errors, "name", update.Name);
        if (update.Region is { } region && string.IsNullOrWhiteSpace(region))
        {
            errors.Add(new("region", "must not be blank"));
        }

        CheckDriverSettings(errors, current.Driver, Apply(current, update).DriverSettings);
        CatalogChecks.ThrowIfAny(errors);
        if (update.Name is { } name && name != current.Name && (await catalog.ListClustersAsync(cancellationToken)).Any(c => c.Name == name))
        {
            throw new CommandRefusedException($"A cluster named '{name}' already exists.");
        }

        return await catalog.UpdateClusterAsync(id, stored => Apply(stored, update), cancellationToken);
    }

    /// <summary>Refused while an app runs on the cluster or an environment deploys to it.</summary>
    public async Task DeleteClusterAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await GetClusterAsync(id, cancellationToken);
        var users = (await apps.ListAllAsync(cancellationToken)).Where(a => a.ClusterId == id).Select(a => $"app {a.Namespace}/{a.Name}")
            .Concat((await catalog.ListAllEnvironmentsAsync(cancellationToken)).Where(e => e.ClusterId == id).Select(e => $"environment {e.Namespace}/{e.Name}"))
            .ToList();
        if (users.Count > 0)
        {
            throw new CommandRefusedException($"Cluster {cluster.Name} is still used by {string.Join(", ", users.Take(5))}{(users.Count > 5 ? " and more" : "")}; delete or move them first.");
        }

        await catalog.DeleteClusterAsync(id, cancellationToken);
    }

    private static Cluster Apply(Cluster cluster, ClusterUpdate update) => cluster with
    {
        Name = update.Name ?? cluster.Name,
        Region = update.Region ?? cluster.Region,
        Kind = update.Kind ?? cluster.Kind,
        DriverSettings = update.DriverSettings is { } settings
            ? cluster.DriverSettings.Concat(settings).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)
            : cluster.DriverSettings,
    };

    private static void CheckDriverSettings(List<ValidationError> errors, string driver, IReadOnlyDictionary<string, string>? settings)
    {
        InputLimits.CountAtMost(errors, "driver_settings", settings?.Count, InputLimits.MaxDriverSettings, "settings");
        if (driver == "webhook" && (settings is null || !settings.ContainsKey("endpoint") || !settings.ContainsKey("secret")))
        {
            errors.Add(new("driver_settings", "the webhook driver needs 'endpoint' and 'secret'"));
        }
    }
}
