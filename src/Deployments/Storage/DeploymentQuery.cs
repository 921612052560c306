using Azure.Data.Tables;
using Deployments.Model;

namespace Deployments.Storage;

/// <summary>Filters for listing deployments; an id prefix is a row-key range, as in Nomad.</summary>
public sealed record DeploymentQuery
{
    public string Namespace { get; init; } = "default";

    public string? IdPrefix { get; init; }

    public Guid? AppId { get; init; }

    public IReadOnlyCollection<DeploymentStatus>? Statuses { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Labels the deployments must carry; checked on the index rows read, since table queries cannot reach into the document.</summary>
    public LabelSelector? Labels { get; init; }

    public int PageSize { get; init; } = 50;

    public string? ContinuationToken { get; init; }

    internal string ToFilter()
    {
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {Namespace}") };
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

        return string.Join(" and ", clauses);
    }
}
