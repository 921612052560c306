using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>
/// Analysis templates: create, read, list, update, delete, under the namespace rules of the other resources.
/// Every write is validated whole (conditions compiled, placeholders resolvable) before anything is stored.
/// </summary>
public sealed class AnalysisCatalog(AnalysisTemplateStore templates, TimeProvider time)
{
    /// <summary>Validates and stores a new template; refused when its name is taken in the namespace.</summary>
    public async Task<AnalysisTemplate> CreateAsync(string name, string? @namespace, IReadOnlyList<AnalysisMetric>? metrics, IReadOnlyList<AnalysisArgument>? args, CancellationToken cancellationToken)
    {
        CallerScope.Demand(CallerScope.NamespaceOr(@namespace));
        var errors = new List<ValidationError>();
        CatalogChecks.RequireName(errors, "name", name);
        Names.Optional(errors, "namespace", @namespace);
        AnalysisTemplateRules.Check(errors, metrics, args);
        CatalogChecks.ThrowIfAny(errors);
        var now = time.GetUtcNow();
        var template = new AnalysisTemplate(name, CallerScope.NamespaceOr(@namespace), metrics!, args ?? [], now, now);
        try
        {
            await templates.CreateAsync(template, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            throw new CommandRefusedException($"Analysis template '{name}' already exists in namespace '{template.Namespace}'.");
        }

        return template;
    }

    /// <summary>The template; not found when it does not exist or the caller may not see its namespace.</summary>
    public async Task<AnalysisTemplate> GetAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        (CatalogChecks.Demanded(@namespace) && Names.IsValid(@namespace) && Names.IsValid(name) ? await templates.GetAsync(@namespace, name, cancellationToken) : null)
        ?? throw new NotFoundException("analysis template", $"{@namespace}/{name}");

    /// <summary>The namespace's templates, by name.</summary>
    public Task<IReadOnlyList<AnalysisTemplate>> ListAsync(string @namespace, CancellationToken cancellationToken)
    {
        CallerScope.Demand(@namespace);
        return templates.ListAsync(@namespace, cancellationToken);
    }

    /// <summary>Replaces the metrics or arguments given; the result is validated whole before it is stored.</summary>
    public async Task<AnalysisTemplate> UpdateAsync(string @namespace, string name, AnalysisTemplateUpdate update, CancellationToken cancellationToken)
    {
        var current = await GetAsync(@namespace, name, cancellationToken);
        var errors = new List<ValidationError>();
        AnalysisTemplateRules.Check(errors, update.Metrics ?? current.Metrics, update.Args ?? current.Args);
        CatalogChecks.ThrowIfAny(errors);
        var now = time.GetUtcNow();
        return await templates.UpdateAsync(@namespace, name, stored => stored with
        {
            Metrics = update.Metrics ?? stored.Metrics,
            Args = update.Args ?? stored.Args,
            UpdatedAt = now,
        }, cancellationToken);
    }

    /// <summary>Removes the template. Runs already started keep the metrics they copied; later runs that name it end inconclusive.</summary>
    public async Task DeleteAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        await GetAsync(@namespace, name, cancellationToken);
        await templates.DeleteAsync(@namespace, name, cancellationToken);
    }

    /// <summary>
    /// Adds to <paramref name="errors"/> every way the deployment's analysis could not run: a template that does
    /// not exist in <paramref name="namespace"/>, or a declared argument left without a value.
    /// </summary>
    internal async Task CheckGatesAsync(List<ValidationError> errors, string @namespace, DeploymentOptions options, CancellationToken cancellationToken)
    {
        var gates = options.Steps.Select((step, i) => ($"options.steps[{i}].analysis", step.Analysis))
            .Append(("options.analysis", options.Analysis))
            .Where(g => g.Item2 is not null);
        foreach (var (field, gate) in gates)
        {
            if (gate!.Templates is not { Count: > 0 })
            {
                errors.Add(new($"{field}.templates", "name at least one analysis template"));
                continue;
            }

            var named = await templates.FindAsync(@namespace, gate.Templates, cancellationToken);
            for (var i = 0; i < named.Count; i++)
            {
                if (named[i] is null)
                {
                    errors.Add(new($"{field}.templates[{i}]", $"no analysis template '{gate.Templates[i]}' in namespace '{@namespace}'"));
                }
            }

            var found = named.OfType<AnalysisTemplate>().ToList();

            AnalysisArguments.Resolve(new Dictionary<string, string>(), found, gate.Args, out var missing);
            foreach (var name in missing)
            {
                errors.Add(new($"{field}.args.{name}", "the template declares this argument without a default; give its value"));
            }

            var metricNames = found.SelectMany(t => t.Metrics).GroupBy(m => m.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (metricNames.Count > 0)
            {
                errors.Add(new($"{field}.templates", $"the templates share metric names ({string.Join(", ", metricNames)}); one run needs each name once"));
            }

            if (field != "options.analysis" && found.Count > 0 && found.SelectMany(t => t.Metrics).All(m => m.Count is null))
            {
                errors.Add(new($"{field}.templates", "a step's analysis needs a metric with a count, or it would never decide; use options.analysis for analysis without an end"));
            }
        }
    }
}
