namespace Durable;

/// <summary>A filter over instances; all parts are optional and combine with AND.</summary>
public sealed record OrchestrationQuery
{
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Exact orchestrator name.</summary>
    public string? Name { get; init; }

    /// <summary>Instance ids starting with this prefix.</summary>
    public string? InstanceIdPrefix { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public int PageSize { get; init; } = 100;

    /// <summary>Opaque token from a previous page; null for the first page.</summary>
    public string? ContinuationToken { get; init; }

    public bool FetchInputsAndOutputs { get; init; }
}

/// <summary>One page of a query; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record OrchestrationQueryPage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);

/// <summary>A filter for purging many instances at once; only terminal instances are purged.</summary>
public sealed record PurgeInstancesFilter(DateTimeOffset? CreatedFrom = null, DateTimeOffset? CreatedTo = null, IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null);

public sealed record PurgeResult(int PurgedInstanceCount);
