using System.Globalization;
using Deployments.Model;
using Deployments.Rules;
using Deployments.Storage;
using Microsoft.DurableTask;

namespace Deployments.Orchestrations.Activities;

/// <summary>
/// Copies the named templates' metrics into a new run with every placeholder filled, and records it. The copy is
/// what the run measures, so editing a template later changes no run in flight. A template that has gone or an
/// argument left without a value makes the run inconclusive from the start: a person has to look.
/// </summary>
public sealed class StartAnalysisActivity(DeploymentStore deployments, AppStore apps, AnalysisTemplateStore templates, AnalysisRunStore runs, TimeProvider time)
    : TaskActivity<AnalysisRequest, AnalysisRun>
{
    /// <summary>Records the run (or returns the one a previous attempt recorded).</summary>
    public override async Task<AnalysisRun> RunAsync(TaskActivityContext context, AnalysisRequest request)
    {
        var deployment = await deployments.GetRequiredAsync(request.DeploymentId, CancellationToken.None);
        var app = await apps.GetAsync(deployment.AppId, CancellationToken.None);
        var named = await templates.FindAsync(deployment.Namespace, request.Gate.Templates, CancellationToken.None);
        var found = named.OfType<AnalysisTemplate>().ToList();
        var problems = request.Gate.Templates.Where((_, i) => named[i] is null)
            .Select(name => $"analysis template '{name}' does not exist in namespace '{deployment.Namespace}'").ToList();

        var builtIn = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app"] = app?.Name ?? "",
            ["namespace"] = deployment.Namespace,
            ["revision"] = deployment.Revision.ToString(CultureInfo.InvariantCulture),
            ["stable_revision"] = request.StableRevision?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["deployment_id"] = deployment.Id.ToString(),
            // A regular expression alternation, so a query can match every group with =~.
            ["group"] = string.Join('|', deployment.Groups.Keys.Order(StringComparer.Ordinal)),
        };
        var arguments = AnalysisArguments.Resolve(builtIn, found, request.Gate.Args, out var missing);
        problems.AddRange(missing.Select(name => $"argument '{name}' has no value"));
        var metrics = problems.Count == 0 ? found.SelectMany(t => t.Metrics).Select(m => AnalysisArguments.Fill(m, arguments)).ToList() : [];
        var run = new AnalysisRun(request.RunId, request.DeploymentId, request.Kind, request.Step, request.Gate.Templates, metrics,
            problems.Count == 0 ? AnalysisPhase.Running : AnalysisPhase.Inconclusive, problems.Count == 0 ? null : string.Join("; ", problems), time.GetUtcNow());
        return await runs.StartAsync(run, CancellationToken.None);
    }
}
