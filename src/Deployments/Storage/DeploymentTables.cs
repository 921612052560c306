using Azure.Data.Tables;

namespace Deployments.Storage;

/// <summary>
/// The domain's tables, named with a prefix so several control planes (or tests) can share an account.
/// Keys follow the reads: an app and its revisions share a partition, a deployment and its timeline
/// share one, an app's allocations share one, and the index is partitioned by namespace with the
/// deployment id as row key so Nomad-style id prefixes are range queries.
/// </summary>
public sealed class DeploymentTables : IDisposable
{
    private readonly CreatedOnce created;

    public DeploymentTables(TableServiceClient service, string prefix)
    {
        Clusters = new DocumentTable(service.GetTableClient($"{prefix}Clusters"));
        Environments = new DocumentTable(service.GetTableClient($"{prefix}Environments"));
        Apps = new DocumentTable(service.GetTableClient($"{prefix}Apps"));
        AppNames = new DocumentTable(service.GetTableClient($"{prefix}AppNames"));
        Deployments = new DocumentTable(service.GetTableClient($"{prefix}Deployments"));
        DeploymentIndex = new DocumentTable(service.GetTableClient($"{prefix}DeploymentIndex"));
        Allocations = new DocumentTable(service.GetTableClient($"{prefix}Allocations"));
        Pipelines = new DocumentTable(service.GetTableClient($"{prefix}Pipelines"));
        Subscriptions = new DocumentTable(service.GetTableClient($"{prefix}Subscriptions"));
        created = new CreatedOnce(cancellationToken => Task.WhenAll(All.Select(t => t.Client.CreateIfNotExistsAsync(cancellationToken))));
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

    private IEnumerable<DocumentTable> All => [Clusters, Environments, Apps, AppNames, Deployments, DeploymentIndex, Allocations, Pipelines, Subscriptions];

    public Task EnsureCreatedAsync() => created.EnsureAsync(CancellationToken.None);

    public void Dispose() => created.Dispose();
}
