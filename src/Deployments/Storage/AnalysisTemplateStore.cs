using Azure.Data.Tables;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;

namespace Deployments.Storage;

/// <summary>Analysis templates: a partition per namespace, so listing a namespace's templates is one partition read.</summary>
public sealed class AnalysisTemplateStore(DeploymentTables tables)
{
    /// <summary>Adds the template; throws <see cref="DocumentConflictException"/> when the name is taken.</summary>
    public async Task CreateAsync(AnalysisTemplate template, CancellationToken cancellationToken) =>
        await tables.AnalysisTemplates.InsertAsync(template.Namespace, template.Name, template, cancellationToken);

    /// <summary>The template; null when there is none.</summary>
    public async Task<AnalysisTemplate?> GetAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        (await tables.AnalysisTemplates.GetAsync<AnalysisTemplate>(@namespace, name, cancellationToken))?.Document;

    /// <summary>The templates named, in the order named: null where a name is not a template of the namespace (or not a valid name).</summary>
    public async Task<IReadOnlyList<AnalysisTemplate?>> FindAsync(string @namespace, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var found = new List<AnalysisTemplate?>(names.Count);
        foreach (var name in names)
        {
            found.Add(Names.IsValid(name) ? await GetAsync(@namespace, name, cancellationToken) : null);
        }

        return found;
    }

    /// <summary>Every template of a namespace, by name.</summary>
    public async Task<IReadOnlyList<AnalysisTemplate>> ListAsync(string @namespace, CancellationToken cancellationToken) =>
        [.. (await tables.AnalysisTemplates.ListAsync<AnalysisTemplate>(TableClient.CreateQueryFilter($"PartitionKey eq {@namespace}"), cancellationToken))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>Applies <paramref name="change"/> to the stored template, retrying on a concurrent write.</summary>
    public Task<AnalysisTemplate> UpdateAsync(string @namespace, string name, Func<AnalysisTemplate, AnalysisTemplate> change, CancellationToken cancellationToken) =>
        tables.AnalysisTemplates.UpdateAsync(@namespace, name, change, () => new NotFoundException("analysis template", $"{@namespace}/{name}"), cancellationToken);

    /// <summary>Removes the template; nothing happens when there is none.</summary>
    public Task DeleteAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        tables.AnalysisTemplates.DeleteAsync(@namespace, name, cancellationToken);
}
