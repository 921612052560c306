using Azure.Data.Tables;
using Deployments.Model;

namespace Deployments.Storage;

/// <summary>Filters for listing deployments; an id prefix is a row-key range, as in Nomad.</summary>
public sealed record DeploymentQuery
{
    /// <summary>Namespace to list; only one is read per query unless <see cref="EveryNamespace"/>.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Nomad's <c>namespace=*</c>: every namespace, for a caller confined to none (the service narrows a confined one to its own).</summary>
    public bool EveryNamespace { get; init; }

    /// <summary>Start of the deployment id, dashes optional; all ids when null or empty.</summary>
    public string? IdPrefix { get; init; }

    /// <summary>Only deployments of this app; every app when null.</summary>
    public Guid? AppId { get; init; }

    /// <summary>Only deployments in one of these statuses; any status when null or empty.</summary>
    public IReadOnlyCollection<DeploymentStatus>? Statuses { get; init; }

    /// <summary>Only deployments created at or after this time; no lower bound when null.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only deployments created before this time; no upper bound when null.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Labels the deployments must carry; checked on the index rows read, since table queries cannot reach into the document.</summary>
    public LabelSelector? Labels { get; init; }

    /// <summary>Most deployments returned in one page.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>Where the previous page ended; the first page when null.</summary>
    public string? ContinuationToken { get; init; }

    internal string? ToFilter()
    {
        var clauses = new List<string>();
        if (!EveryNamespace)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey eq {Namespace}"));
        }

        if (IdPrefix is { Length: > 0 } prefix)
        {
            var lower = prefix.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
            clauses.Add(TableClient.CreateQueryFilter($"RowKey ge {lower} and RowKey lt {lower + "~"}"));
        }

        if (AppId is { } appId)
        {
            clauses.Add(TableClient.CreateQueryFilter($"AppId eq {appId}"));
        }

        if (Statuses is { Count: > 0 } statuses)
        {
            clauses.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString().ToLowerInvariant()}"))) + ")");
        }

        if (CreatedFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }

        if (CreatedTo is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt lt {to}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }
}
