using Azure.Data.Tables;
using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Storage;

/// <summary>Clusters, environments and pipelines: small documents read by key or listed whole.</summary>
public sealed class CatalogStore(DeploymentTables tables)
{
    private const string ClusterPartition = "cluster";
    private const string PipelinePartition = "pipeline";

    /// <summary>Stores a new cluster; a cluster with the same id already stored is a conflict.</summary>
    public Task CreateClusterAsync(Cluster cluster, CancellationToken cancellationToken) =>
        InsertAsync(tables.Clusters, ClusterPartition, Key(cluster.Id), cluster, cancellationToken);

    /// <summary>The cluster with this id; null when there is none.</summary>
    public Task<Cluster?> GetClusterAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<Cluster>(tables.Clusters, ClusterPartition, Key(id), cancellationToken);

    /// <summary>Every cluster.</summary>
    public Task<IReadOnlyList<Cluster>> ListClustersAsync(CancellationToken cancellationToken) =>
        ListAsync<Cluster>(tables.Clusters, ClusterPartition, cancellationToken);

    /// <summary>Writes the cluster as given, over whatever is stored.</summary>
    public Task SaveClusterAsync(Cluster cluster, CancellationToken cancellationToken) =>
        UpsertAsync(tables.Clusters, ClusterPartition, Key(cluster.Id), cluster, cancellationToken);

    /// <summary>Applies a change under the cluster's ETag, from a fresh read when a concurrent change came first.</summary>
    public Task<Cluster> UpdateClusterAsync(Guid id, Func<Cluster, Cluster> change, CancellationToken cancellationToken) =>
        UpdateAsync(tables.Clusters, ClusterPartition, Key(id), "cluster", id.ToString(), change, cancellationToken);

    /// <summary>Removes the cluster.</summary>
    public Task DeleteClusterAsync(Guid id, CancellationToken cancellationToken) =>
        DeleteAsync(tables.Clusters, ClusterPartition, Key(id), cancellationToken);

    /// <summary>Stores a new environment; one with the same name in its namespace already stored is a conflict.</summary>
    public Task CreateEnvironmentAsync(EnvironmentDefinition environment, CancellationToken cancellationToken) =>
        InsertAsync(tables.Environments, environment.Namespace, environment.Name, environment, cancellationToken);

    /// <summary>The environment with this name in the namespace; null when there is none.</summary>
    public Task<EnvironmentDefinition?> GetEnvironmentAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        GetAsync<EnvironmentDefinition>(tables.Environments, @namespace, name, cancellationToken);

    /// <summary>Every environment of one namespace.</summary>
    public Task<IReadOnlyList<EnvironmentDefinition>> ListEnvironmentsAsync(string @namespace, CancellationToken cancellationToken) =>
        ListAsync<EnvironmentDefinition>(tables.Environments, @namespace, cancellationToken);

    /// <summary>Writes the environment as given, over whatever is stored.</summary>
    public Task SaveEnvironmentAsync(EnvironmentDefinition environment, CancellationToken cancellationToken) =>
        UpsertAsync(tables.Environments, environment.Namespace, environment.Name, environment, cancellationToken);

    /// <summary>Every environment of every namespace (a table scan: the catalog is small).</summary>
    public async Task<IReadOnlyList<EnvironmentDefinition>> ListAllEnvironmentsAsync(CancellationToken cancellationToken)
    {
        return await tables.Environments.ListAsync<EnvironmentDefinition>(null, cancellationToken);
    }

    /// <summary>
    /// Applies a change under the environment's ETag: an update and a promotion setting the live
    /// deployment at the same time must not overwrite each other.
    /// </summary>
    public Task<EnvironmentDefinition> UpdateEnvironmentAsync(string @namespace, string name, Func<EnvironmentDefinition, EnvironmentDefinition> change, CancellationToken cancellationToken) =>
        UpdateAsync(tables.Environments, @namespace, name, "environment", $"{@namespace}/{name}", change, cancellationToken);

    /// <summary>Removes the environment.</summary>
    public Task DeleteEnvironmentAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        DeleteAsync(tables.Environments, @namespace, name, cancellationToken);

    /// <summary>Stores a new pipeline; one with the same id already stored is a conflict.</summary>
    public Task CreatePipelineAsync(Pipeline pipeline, CancellationToken cancellationToken) =>
        InsertAsync(tables.Pipelines, PipelinePartition, Key(pipeline.Id), pipeline, cancellationToken);

    /// <summary>The pipeline with this id; null when there is none.</summary>
    public Task<Pipeline?> GetPipelineAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<Pipeline>(tables.Pipelines, PipelinePartition, Key(id), cancellationToken);

    /// <summary>Every pipeline, of every namespace.</summary>
    public Task<IReadOnlyList<Pipeline>> ListPipelinesAsync(CancellationToken cancellationToken) =>
        ListAsync<Pipeline>(tables.Pipelines, PipelinePartition, cancellationToken);

    /// <summary>Writes the pipeline as given, over whatever is stored.</summary>
    public Task SavePipelineAsync(Pipeline pipeline, CancellationToken cancellationToken) =>
        UpsertAsync(tables.Pipelines, PipelinePartition, Key(pipeline.Id), pipeline, cancellationToken);

    /// <summary>Applies a change under the pipeline's ETag, from a fresh read when a concurrent change came first.</summary>
    public Task<Pipeline> UpdatePipelineAsync(Guid id, Func<Pipeline, Pipeline> change, CancellationToken cancellationToken) =>
        UpdateAsync(tables.Pipelines, PipelinePartition, Key(id), "pipeline", id.ToString(), change, cancellationToken);

    /// <summary>Removes the pipeline.</summary>
    public Task DeletePipelineAsync(Guid id, CancellationToken cancellationToken) =>
        DeleteAsync(tables.Pipelines, PipelinePartition, Key(id), cancellationToken);

    private static async Task InsertAsync<T>(DocumentTable table, string partition, string row, T document, CancellationToken cancellationToken) =>
        await table.InsertAsync(partition, row, document, cancellationToken);

    private static Task UpsertAsync<T>(DocumentTable table, string partition, string row, T document, CancellationToken cancellationToken) =>
        table.UpsertAsync(partition, row, document, cancellationToken);

    private static Task<T> UpdateAsync<T>(DocumentTable table, string partition, string row, string kind, string id, Func<T, T> change, CancellationToken cancellationToken) =>
        table.UpdateAsync(partition, row, change, () => new NotFoundException(kind, id), cancellationToken);

    private static async Task<T?> GetAsync<T>(DocumentTable table, string partition, string row, CancellationToken cancellationToken)
        where T : class =>
        (await table.GetAsync<T>(partition, row, cancellationToken))?.Document;

    private static async Task<IReadOnlyList<T>> ListAsync<T>(DocumentTable table, string partition, CancellationToken cancellationToken) =>
        await table.ListAsync<T>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken);

    private static Task DeleteAsync(DocumentTable table, string partition, string row, CancellationToken cancellationToken) =>
        table.DeleteAsync(partition, row, cancellationToken);

    private static string Key(Guid id) => id.ToString("N");
}
