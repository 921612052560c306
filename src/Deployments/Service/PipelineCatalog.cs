using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>
/// Pipelines (ordered stages of apps): validated create, read, list, update and delete. Every request is validated in full before the first write, so a refused one leaves nothing behind.
/// </summary>
public sealed class PipelineCatalog(CatalogStore catalog, AppStore apps, TimeProvider time)
{
    /// <summary>Validates and stores a new pipeline in a namespace the caller may use.</summary>
    public async Task<Pipeline> CreatePipelineAsync(string name, string? @namespace, IReadOnlyList<IReadOnlyList<Guid>> stages, CancellationToken cancellationToken)
    {
        var pipelineNamespace = CallerScope.NamespaceOr(@namespace);
        CallerScope.Demand(pipelineNamespace);
        var errors = new List<ValidationError>();
        CatalogChecks.RequireName(errors, "name", name);
        Names.Optional(errors, "namespace", @namespace);
        CheckStages(errors, stages);
        CatalogChecks.ThrowIfAny(errors);
        await RequireStageAppsAsync(pipelineNamespace, stages, cancellationToken);
        await RequireUniquePipelineNameAsync(pipelineNamespace, name, null, cancellationToken);
        var pipeline = new Pipeline(Guid.NewGuid(), name, pipelineNamespace, stages, time.GetUtcNow());
        await catalog.CreatePipelineAsync(pipeline, cancellationToken);
        return pipeline;
    }

    /// <summary>The pipeline with this id; throws <see cref="NotFoundException"/> when there is none.</summary>
    public async Task<Pipeline> GetPipelineAsync(Guid id, CancellationToken cancellationToken) =>
        await catalog.GetPipelineAsync(id, cancellationToken) ?? throw new NotFoundException("pipeline", id.ToString());

    /// <summary>Every pipeline of a namespace the caller may see.</summary>
    public async Task<IReadOnlyList<Pipeline>> ListPipelinesAsync(string @namespace, CancellationToken cancellationToken)
    {
        CallerScope.Demand(@namespace);
        return [.. (await catalog.ListPipelinesAsync(cancellationToken)).Where(p => p.Namespace == @namespace)];
    }

    /// <summary>Validates and applies a partial update to a pipeline.</summary>
    public async Task<Pipeline> UpdatePipelineAsync(Guid id, PipelineUpdate update, CancellationToken cancellationToken)
    {
        var current = await GetPipelineAsync(id, cancellationToken);
        var errors = new List<ValidationError>();
        Names.Optional(errors, "name", update.Name);
        if (update.Stages is { } stages)
        {
            CheckStages(errors, stages);
        }

        CatalogChecks.ThrowIfAny(errors);
        if (update.Stages is { } changed)
        {
            await RequireStageAppsAsync(current.Namespace, changed, cancellationToken);
        }

        if (update.Name is { } name && name != current.Name)
        {
            await RequireUniquePipelineNameAsync(current.Namespace, name, id, cancellationToken);
        }

        return await catalog.UpdatePipelineAsync(id, stored => stored with { Name = update.Name ?? stored.Name, Stages = update.Stages ?? stored.Stages }, cancellationToken);
    }

    /// <summary>Removes a pipeline.</summary>
    public async Task DeletePipelineAsync(Guid id, CancellationToken cancellationToken)
    {
        await GetPipelineAsync(id, cancellationToken);
        await catalog.DeletePipelineAsync(id, cancellationToken);
    }

    private static void CheckStages(List<ValidationError> errors, IReadOnlyList<IReadOnlyList<Guid>>? stages)
    {
        if (stages is not { Count: >= 2 })
        {
            errors.Add(new("stages", "a pipeline needs at least two stages"));
            return;
        }

        InputLimits.CountAtMost(errors, "stages", stages.Count, InputLimits.MaxPipelineStages, "stages");

        var seen = new HashSet<Guid>();
        for (var index = 0; index < stages.Count; index++)
        {
            if (stages[index] is not { Count: > 0 } stage)
            {
                errors.Add(new($"stages[{index}]", "a stage needs at least one app"));
                continue;
            }

            InputLimits.CountAtMost(errors, $"stages[{index}]", stage.Count, InputLimits.MaxAppsPerStage, "apps");

            foreach (var appId in stage.Where(appId => !seen.Add(appId)))
            {
                errors.Add(new($"stages[{index}]", $"app {appId} appears more than once in the pipeline"));
            }
        }
    }

    /// <summary>Promotion deploys across a pipeline's apps, so they must exist, and in the pipeline's namespace.</summary>
    private async Task RequireStageAppsAsync(string @namespace, IReadOnlyList<IReadOnlyList<Guid>> stages, CancellationToken cancellationToken)
    {
        foreach (var (stage, index) in stages.Select((s, i) => (s, i)))
        {
            foreach (var appId in stage)
            {
                var app = await apps.GetAsync(appId, cancellationToken) ?? throw new UnprocessableException($"stages[{index}]", $"App {appId} does not exist.");
                if (app.Namespace != @namespace)
                {
                    throw new UnprocessableException($"stages[{index}]", $"App {app.Name} is in namespace '{app.Namespace}', not '{@namespace}'.");
                }
            }
        }
    }

    private async Task RequireUniquePipelineNameAsync(string @namespace, string name, Guid? except, CancellationToken cancellationToken)
    {
        if ((await catalog.ListPipelinesAsync(cancellationToken)).Any(p => p.Namespace == @namespace && p.Name == name && p.Id != except))
        {
            throw new CommandRefusedException($"A pipeline named '{name}' already exists in namespace '{@namespace}'.");
        }
    }
}
