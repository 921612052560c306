using Deployments.Drivers;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>
/// Apps and their revisions: validated create, read, list, update and delete; an app with a deployment in flight keeps its groups. Every request is validated in full before the first write, so a refused one leaves nothing behind.
/// </summary>
public sealed class AppCatalog(CatalogStore catalog, AppStore apps, DeploymentStore deployments, AppRetirement retirement, TargetDriverRegistry drivers, TimeProvider time)
{
    /// <summary>Validates and stores a new app on an existing cluster, with its first revision when the request has one; a name already taken in the namespace is refused.</summary>
    public async Task<App> CreateAppAsync(CreateAppRequest request, CancellationToken cancellationToken)
    {
        CallerScope.Demand(CallerScope.NamespaceOr(request.Namespace));
        var errors = new List<ValidationError>();
        CatalogChecks.RequireName(errors, "name", request.Name);
        Names.Optional(errors, "namespace", request.Namespace);
        Names.Optional(errors, "environment", request.Environment);
        CheckGroups(errors, request.Groups);
        MetadataRules.Check(errors, "labels", request.Labels);
        MetadataRules.Check(errors, "annotations", request.Annotations);
        if (request.Revision is { } spec)
        {
            errors.AddRange(RevisionRules.Validate(spec, "revision."));
        }

        CatalogChecks.ThrowIfAny(errors);
        var cluster = await catalog.GetClusterAsync(request.ClusterId, cancellationToken)
            ?? throw new UnprocessableException("cluster_id", $"Cluster {request.ClusterId} does not exist.");
        drivers.RequireAvailable(cluster.Driver);

        var now = time.GetUtcNow();
        var app = new App(Guid.NewGuid(), request.Name, CallerScope.NamespaceOr(request.Namespace), request.ClusterId, request.Environment,
            request.Groups, request.Labels ?? new Dictionary<string, string>(), request.Annotations ?? new Dictionary<string, string>(),
            null, null, null, 0, now, now);
        try
        {
            return await apps.CreateAsync(app, request.Revision is { } first ? created => RevisionRules.Create(created.Id, 1, first, now) : null, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            throw new CommandRefusedException($"An app named '{request.Name}' already exists in namespace '{app.Namespace}'.");
        }
    }

    /// <summary>The app with this id, or null: for callers that answer a missing app their own way.</summary>
    public Task<App?> FindAppAsync(Guid id, CancellationToken cancellationToken) => apps.GetAsync(id, cancellationToken);

    /// <summary>The app of this name in the namespace, or null.</summary>
    public Task<App?> FindAppAsync(string @namespace, string name, CancellationToken cancellationToken) => apps.FindByNameAsync(@namespace, name, cancellationToken);

    /// <summary>The app with this id; throws <see cref="NotFoundException"/> when there is none.</summary>
    public async Task<App> GetAppAsync(Guid id, CancellationToken cancellationToken) =>
        await apps.GetAsync(id, cancellationToken) ?? throw new NotFoundException("app", id.ToString());

    /// <summary>Every app of a namespace the caller may see.</summary>
    public Task<IReadOnlyList<App>> ListAppsAsync(string @namespace, CancellationToken cancellationToken)
    {
        CallerScope.Demand(@namespace);
        return apps.ListAsync(@namespace, cancellationToken);
    }

    /// <summary>The namespaces in use: those of the apps, and the default one, which exists without any.</summary>
    public async Task<IReadOnlyList<string>> ListNamespacesAsync(CancellationToken cancellationToken) =>
        [.. (await apps.ListAllAsync(cancellationToken)).Select(a => a.Namespace).Append(Names.DefaultNamespace).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Changes groups, environment, labels or annotations (each replaced whole). Groups are refused while a
    /// deployment is active: the rollout under way was planned for the counts it started with.
    /// </summary>
    public async Task<App> UpdateAppAsync(Guid id, AppUpdate update, CancellationToken cancellationToken)
    {
        var current = await GetAppAsync(id, cancellationToken);
        var errors = new List<ValidationError>();
        if (update.Groups is { } groups)
        {
            CheckGroups(errors, groups);
        }

        if (update.Environment is { Value: { } environment })
        {
            CatalogChecks.RequireName(errors, "environment", environment);
        }

        MetadataRules.Check(errors, "labels", update.Labels);
        MetadataRules.Check(errors, "annotations", update.Annotations);
        CatalogChecks.ThrowIfAny(errors);
        if (update.Groups is not null && await ActiveDeploymentAsync(current, cancellationToken) is { } active)
        {
            throw new CommandRefusedException($"App {current.Name} has an active deployment ({active:N}); its groups can change once it ends.");
        }

        return await apps.UpdateAsync(id, stored => stored with
        {
            Groups = update.Groups ?? stored.Groups,
            Environment = update.Environment is { } change ? change.Value : stored.Environment,
            Labels = update.Labels ?? stored.Labels,
            Annotations = update.Annotations ?? stored.Annotations,
        }, cancellationToken);
    }

    /// <summary>
    /// Stops the app's instances, then deletes it: what deleting a job in Nomad or an app in Cloud Foundry
    /// does, so nobody has to find its processes by hand. Refused while a deployment is under way, which
    /// would go on placing instances for an app that is gone.
    /// </summary>
    public async Task DeleteAppAsync(Guid appId, CancellationToken cancellationToken)
    {
        var app = await GetAppAsync(appId, cancellationToken);
        if (await ActiveDeploymentAsync(app, cancellationToken) is { } active)
        {
            throw new CommandRefusedException($"App {app.Name} has an active deployment ({active:N}); cancel it first.");
        }

        await retirement.StopAndDeleteAsync(app, cancellationToken);
    }

    /// <summary>A new numbered revision of the app; deploying it is a separate step.</summary>
    public async Task<Revision> CreateRevisionAsync(Guid appId, RevisionSpec spec, CancellationToken cancellationToken)
    {
        await GetAppAsync(appId, cancellationToken);
        var errors = RevisionRules.Validate(spec, "").ToList();
        CatalogChecks.ThrowIfAny(errors);
        return await apps.AddRevisionAsync(appId, (_, number) => RevisionRules.Create(appId, number, spec, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>One revision of an app; not found when either the app or the revision is missing.</summary>
    public async Task<Revision> GetRevisionAsync(Guid appId, int number, CancellationToken cancellationToken)
    {
        await GetAppAsync(appId, cancellationToken);
        return await apps.GetRevisionAsync(appId, number, cancellationToken) ?? throw new NotFoundException("revision", $"{appId}/{number}");
    }

    /// <summary>Every revision of an app, oldest first; not found when the app is missing.</summary>
    public async Task<IReadOnlyList<Revision>> ListRevisionsAsync(Guid appId, CancellationToken cancellationToken)
    {
        await GetAppAsync(appId, cancellationToken);
        return await apps.ListRevisionsAsync(appId, cancellationToken);
    }

    private async Task<Guid?> ActiveDeploymentAsync(App app, CancellationToken cancellationToken) =>
        app.ActiveDeploymentId is { } active && await deployments.GetAsync(active, cancellationToken) is { Status: var status } && !status.IsTerminal() ? active : null;

    private static void CheckGroups(List<ValidationError> errors, IReadOnlyDictionary<string, int>? groups)
    {
        if (groups is not { Count: > 0 })
        {
            errors.Add(new("groups", "an app needs at least one group"));
            return;
        }

        InputLimits.CountAtMost(errors, "groups", groups.Count, InputLimits.MaxGroupsPerApp, "groups");
        foreach (var (group, count) in groups)
        {
            if (!Names.IsValid(group))
            {
                errors.Add(new($"groups.{group}", "group names are lower-case letters, digits and dashes"));
            }

            if (count is < 0 or > InputLimits.MaxInstancesPerGroup)
            {
                errors.Add(new($"groups.{group}", $"instance count must be between 0 and {InputLimits.MaxInstancesPerGroup}"));
            }
        }
    }
}
