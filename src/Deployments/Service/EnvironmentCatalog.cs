using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>
/// Environments of a namespace: validated create, read, list, update and delete. Every request is validated in full before the first write, so a refused one leaves nothing behind.
/// </summary>
public sealed class EnvironmentCatalog(CatalogStore catalog, AppStore apps)
{
    /// <summary>Validates and stores a new environment in a namespace the caller may use.</summary>
    public async Task<EnvironmentDefinition> CreateEnvironmentAsync(string name, string? @namespace, Guid clusterId, int order, bool requiresApproval, TimeSpan? approvalExpiry, CancellationToken cancellationToken)
    {
        CallerScope.Demand(CallerScope.NamespaceOr(@namespace));
        var errors = new List<ValidationError>();
        CatalogChecks.RequireName(errors, "name", name);
        Names.Optional(errors, "namespace", @namespace);
        CheckEnvironmentFields(errors, order, approvalExpiry);
        CatalogChecks.ThrowIfAny(errors);
        if (await catalog.GetClusterAsync(clusterId, cancellationToken) is null)
        {
            throw new UnprocessableException("cluster_id", $"Cluster {clusterId} does not exist.");
        }

        var environment = new EnvironmentDefinition(name, CallerScope.NamespaceOr(@namespace), clusterId, order, requiresApproval, null, approvalExpiry);
        try
        {
            await catalog.CreateEnvironmentAsync(environment, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            throw new CommandRefusedException($"Environment '{name}' already exists in namespace '{environment.Namespace}'.");
        }

        return environment;
    }

    /// <summary>The environment with this name in the namespace; refused for a namespace outside the caller's scope, not found when there is none.</summary>
    public async Task<EnvironmentDefinition> GetEnvironmentAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        (CatalogChecks.Demanded(@namespace) && Names.IsValid(@namespace) && Names.IsValid(name) ? await catalog.GetEnvironmentAsync(@namespace, name, cancellationToken) : null)
        ?? throw new NotFoundException("environment", $"{@namespace}/{name}");

    /// <summary>Every environment of a namespace the caller may see.</summary>
    public Task<IReadOnlyList<EnvironmentDefinition>> ListEnvironmentsAsync(string @namespace, CancellationToken cancellationToken)
    {
        CallerScope.Demand(@namespace);
        return catalog.ListEnvironmentsAsync(@namespace, cancellationToken);
    }

    /// <summary>Validates and applies a partial update to an environment.</summary>
    public async Task<EnvironmentDefinition> UpdateEnvironmentAsync(string @namespace, string name, EnvironmentUpdate update, CancellationToken cancellationToken)
    {
        var current = await GetEnvironmentAsync(@namespace, name, cancellationToken);
        var errors = new List<ValidationError>();
        CheckEnvironmentFields(errors, update.Order ?? current.Order, update.ApprovalExpiry is { } expiry ? expiry.Value : current.ApprovalExpiry);
        CatalogChecks.ThrowIfAny(errors);
        if (update.ClusterId is { } clusterId && await catalog.GetClusterAsync(clusterId, cancellationToken) is null)
        {
            throw new UnprocessableException("cluster_id", $"Cluster {clusterId} does not exist.");
        }

        return await catalog.UpdateEnvironmentAsync(@namespace, name, stored => stored with
        {
            ClusterId = update.ClusterId ?? stored.ClusterId,
            Order = update.Order ?? stored.Order,
            RequiresApproval = update.RequiresApproval ?? stored.RequiresApproval,
            ApprovalExpiry = update.ApprovalExpiry is { } change ? change.Value : stored.ApprovalExpiry,
        }, cancellationToken);
    }

    /// <summary>Refused while apps of the namespace say they belong to the environment.</summary>
    public async Task DeleteEnvironmentAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var environment = await GetEnvironmentAsync(@namespace, name, cancellationToken);
        var members = (await apps.ListAsync(@namespace, cancellationToken)).Where(a => a.Environment == name).Select(a => a.Name).ToList();
        if (members.Count > 0)
        {
            throw new CommandRefusedException($"Environment {environment.Name} still has apps: {string.Join(", ", members.Take(5))}{(members.Count > 5 ? " and more" : "")}.");
        }

        await catalog.DeleteEnvironmentAsync(@namespace, name, cancellationToken);
    }

    private static void CheckEnvironmentFields(List<ValidationError> errors, int order, TimeSpan? approvalExpiry)
    {
        if (order < 0)
        {
            errors.Add(new("order", "must not be negative"));
        }

        InputLimits.AtMost(errors, "order", order, InputLimits.MaxEnvironmentOrder);
        if (approvalExpiry is { } longest)
        {
            InputLimits.AtMost(errors, "approval_expiry", longest, InputLimits.MaxApprovalExpiry);
        }

        if (approvalExpiry is { } expiry && expiry <= TimeSpan.Zero)
        {
            errors.Add(new("approval_expiry", "must be positive"));
        }
    }
}
