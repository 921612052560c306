using Azure.Data.Tables;
using Deployments.Model;

namespace Deployments.Storage;

/// <summary>Clusters, environments and pipelines: small documents read by key or listed whole.</summary>
public sealed class CatalogStore(DeploymentTables tables)
{
    private const string ClusterPartition = "cluster";
    private const string PipelinePartition = "pipeline";

    public Task CreateClusterAsync(Cluster cluster, CancellationToken cancellationToken) =>
        InsertAsync(tables.Clusters, ClusterPartition, Key(cluster.Id), cluster, cancellationToken);

    public Task<Cluster?> GetClusterAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<Cluster>(tables.Clusters, ClusterPartition, Key(id), cancellationToken);

    public Task<IReadOnlyList<Cluster>> ListClustersAsync(CancellationToken cancellationToken) =>
        ListAsync<Cluster>(tables.Clusters, ClusterPartition, cancellationToken);

    public Task SaveClusterAsync(Cluster cluster, CancellationToken cancellationToken) =>
        UpsertAsync(tables.Clusters, ClusterPartition, Key(cluster.Id), cluster, cancellationToken);

    public Task DeleteClusterAsync(Guid id, CancellationToken cancellationToken) =>
        DeleteAsync(tables.Clusters, ClusterPartition, Key(id), cancellationToken);

    public Task CreateEnvironmentAsync(EnvironmentDefinition environment, CancellationToken cancellationToken) =>
        InsertAsync(tables.Environments, environment.Namespace, environment.Name, environment, cancellationToken);

    public Task<EnvironmentDefinition?> GetEnvironmentAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        GetAsync<EnvironmentDefinition>(tables.Environments, @namespace, name, cancellationToken);

    public Task<IReadOnlyList<EnvironmentDefinition>> ListEnvironmentsAsync(string @namespace, CancellationToken cancellationToken) =>
        ListAsync<EnvironmentDefinition>(tables.Environments, @namespace, cancellationToken);

    public Task SaveEnvironmentAsync(EnvironmentDefinition environment, CancellationToken cancellationToken) =>
        UpsertAsync(tables.Environments, environment.Namespace, environment.Name, environment, cancellationToken);

    public Task DeleteEnvironmentAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        DeleteAsync(tables.Environments, @namespace, name, cancellationToken);

    public Task CreatePipelineAsync(Pipeline pipeline, CancellationToken cancellationToken) =>
        InsertAsync(tables.Pipelines, PipelinePartition, Key(pipeline.Id), pipeline, cancellationToken);

    public Task<Pipeline?> GetPipelineAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<Pipeline>(tables.Pipelines, PipelinePartition, Key(id), cancellationToken);

    public Task<IReadOnlyList<Pipeline>> ListPipelinesAsync(CancellationToken cancellationToken) =>
        ListAsync<Pipeline>(tables.Pipelines, PipelinePartition, cancellationToken);

    public Task SavePipelineAsync(Pipeline pipeline, CancellationToken cancellationToken) =>
        UpsertAsync(tables.Pipelines, PipelinePartition, Key(pipeline.Id), pipeline, cancellationToken);

    public Task DeletePipelineAsync(Guid id, CancellationToken cancellationToken) =>
        DeleteAsync(tables.Pipelines, PipelinePartition, Key(id), cancellationToken);

    private async Task InsertAsync<T>(DocumentTable table, string partition, string row, T document, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await table.InsertAsync(partition, row, document, cancellationToken);
    }

    private async Task UpsertAsync<T>(DocumentTable table, string partition, string row, T document, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await table.UpsertAsync(partition, row, document, cancellationToken);
    }

    private async Task<T?> GetAsync<T>(DocumentTable table, string partition, string row, CancellationToken cancellationToken) where T : class
    {
        await tables.EnsureCreatedAsync();
        return (await table.GetAsync<T>(partition, row, cancellationToken))?.Document;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(DocumentTable table, string partition, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var found = new List<T>();
        await foreach (var stored in table.QueryAsync<T>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken))
        {
            found.Add(stored.Document);
        }

        return found;
    }

    private async Task DeleteAsync(DocumentTable table, string partition, string row, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await table.DeleteAsync(partition, row, cancellationToken);
    }

    private static string Key(Guid id) => id.ToString("N");
}
