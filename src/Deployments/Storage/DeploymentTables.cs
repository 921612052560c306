using Azure.Data.Tables;
using Deployments.Platform;

namespace Deployments.Storage;

/// <summary>
/// The domain's tables, named with a prefix so several control planes (or tests) can share an account.
/// Keys follow the reads: an app and its revisions share a partition, a deployment and its timeline
/// share one, an app's allocations share one, and the index is partitioned by namespace with the
/// deployment id as row key so Nomad-style id prefixes are range queries. They are one
/// <see cref="StorageTableSet"/>: the first operation on any creates them all.
/// </summary>
public sealed class DeploymentTables : IDisposable
{
    private static readonly string[] Names = ["Clusters", "Environments", "Apps", "AppNames", "Deployments", "DeploymentIndex", "Allocations", "Pipelines", "Subscriptions", "AnalysisTemplates", "AnalysisRuns"];

    private readonly StorageTableSet set;

    /// <summary>The tables named <paramref name="prefix"/> followed by each table's name, on the account <paramref name="service"/> reaches.</summary>
    public DeploymentTables(TableServiceClient service, string prefix)
    {
        set = new StorageTableSet(service, [.. Names.Select(name => prefix + name)]);
        DocumentTable Table(string name) => new(set[prefix + name]);
        Clusters = Table("Clusters");
        Environments = Table("Environments");
        Apps = Table("Apps");
        AppNames = Table("AppNames");
        Deployments = Table("Deployments");
        DeploymentIndex = Table("DeploymentIndex");
        Allocations = Table("Allocations");
        Pipelines = Table("Pipelines");
        Subscriptions = Table("Subscriptions");
        AnalysisTemplates = Table("AnalysisTemplates");
        AnalysisRuns = Table("AnalysisRuns");
    }

    internal DocumentTable Clusters { get; }

    internal DocumentTable Environments { get; }

    internal DocumentTable Apps { get; }

    internal DocumentTable AppNames { get; }

    internal DocumentTable Deployments { get; }

    internal DocumentTable DeploymentIndex { get; }

    internal DocumentTable Allocations { get; }

    internal DocumentTable Pipelines { get; }

    internal DocumentTable Subscriptions { get; }

    /// <summary>Analysis templates, one partition per namespace, keyed by name.</summary>
    internal DocumentTable AnalysisTemplates { get; }

    /// <summary>Analysis runs and their measurements, one partition per deployment.</summary>
    internal DocumentTable AnalysisRuns { get; }

    /// <summary>Releases the tables' shared creation gate.</summary>
    public void Dispose() => set.Dispose();
}
