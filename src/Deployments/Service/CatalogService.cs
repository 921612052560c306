using System.Text.RegularExpressions;
using Deployments.Model;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>Clusters, environments, apps and pipelines: validated create, read, list, update and delete.</summary>
public sealed partial class CatalogService(CatalogStore catalog, AppStore apps, DeploymentStore deployments, TimeProvider time)
{
    public async Task<Cluster> CreateClusterAsync(string name, string region, ClusterKind kind, string driver, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        RequireName(errors, "name", name);
        if (string.IsNullOrWhiteSpace(region))
        {
            errors.Add(new("region", "is required"));
        }

        if (driver is not ("process" or "webhook"))
        {
            errors.Add(new("driver", "must be 'process' or 'webhook'"));
        }

        if (driver == "webhook" && (settings is null || !settings.ContainsKey("endpoint") || !settings.ContainsKey("secret")))
        {
            errors.Add(new("driver_settings", "the webhook driver needs 'endpoint' and 'secret'"));
        }

        ThrowIfAny(errors);
        if ((await catalog.ListClustersAsync(cancellationToken)).Any(c => c.Name == name))
        {
            throw new CommandRefusedException($"A cluster named '{name}' already exists.");
        }

        var cluster = new Cluster(Guid.NewGuid(), name, region, kind, driver, settings ?? new Dictionary<string, string>(), time.GetUtcNow());
        await catalog.CreateClusterAsync(cluster, cancellationToken);
        return cluster;
    }

    public async Task<EnvironmentDefinition> CreateEnvironmentAsync(string name, string? @namespace, Guid clusterId, int order, bool requiresApproval, TimeSpan? approvalExpiry, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        RequireName(errors, "name", name);
        ThrowIfAny(errors);
        if (await catalog.GetClusterAsync(clusterId, cancellationToken) is null)
        {
            throw new UnprocessableException("cluster_id", $"Cluster {clusterId} does not exist.");
        }

        var environment = new EnvironmentDefinition(name, @namespace ?? DeploymentService.DefaultNamespace, clusterId, order, requiresApproval, null, approvalExpiry);
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

    public async Task<App> CreateAppAsync(CreateAppRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        RequireName(errors, "name", request.Name);
        if (request.Groups.Count == 0)
        {
            errors.Add(new("groups", "an app needs at least one group"));
        }

        foreach (var (group, count) in request.Groups)
        {
            if (!NamePattern().IsMatch(group))
            {
                errors.Add(new($"groups.{group}", "group names are lower-case letters, digits and dashes"));
            }

            if (count is < 0 or > 1000)
            {
                errors.Add(new($"groups.{group}", "instance count must be between 0 and 1000"));
            }
        }

        if (request.Revision is { } spec)
        {
            errors.AddRange(RevisionRules.Validate(spec, "revision"));
        }

        ThrowIfAny(errors);
        if (await catalog.GetClusterAsync(request.ClusterId, cancellationToken) is null)
        {
            throw new UnprocessableException("cluster_id", $"Cluster {request.ClusterId} does not exist.");
        }

        var now = time.GetUtcNow();
        var app = new App(Guid.NewGuid(), request.Name, request.Namespace ?? DeploymentService.DefaultNamespace, request.ClusterId, request.Environment,
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

    public async Task<Pipeline> CreatePipelineAsync(string name, string? @namespace, IReadOnlyList<IReadOnlyList<Guid>> stages, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        RequireName(errors, "name", name);
        if (stages.Count < 2)
        {
            errors.Add(new("stages", "a pipeline needs at least two stages"));
        }

        ThrowIfAny(errors);
        foreach (var (stage, index) in stages.Select((s, i) => (s, i)))
        {
            foreach (var appId in stage)
            {
                if (await apps.GetAsync(appId, cancellationToken) is null)
                {
                    throw new UnprocessableException($"stages[{index}]", $"App {appId} does not exist.");
                }
            }
        }

        var pipeline = new Pipeline(Guid.NewGuid(), name, @namespace ?? DeploymentService.DefaultNamespace, stages, time.GetUtcNow());
        await catalog.CreatePipelineAsync(pipeline, cancellationToken);
        return pipeline;
    }

    public async Task DeleteAppAsync(Guid appId, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(appId, cancellationToken) ?? throw new NotFoundException("app", appId.ToString());
        if (app.ActiveDeploymentId is { } active && await deployments.GetAsync(active, cancellationToken) is { Status: var status } && !status.IsTerminal())
        {
            throw new CommandRefusedException($"App {app.Name} has an active deployment ({active:N}); cancel it first.");
        }

        await apps.DeleteAsync(app, cancellationToken);
    }

    private static void RequireName(List<ValidationError> errors, string field, string? name)
    {
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
        {
            errors.Add(new(field, "must be 1-63 lower-case letters, digits or dashes, starting with a letter"));
        }
    }

    private static void ThrowIfAny(List<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex NamePattern();
}
