using Deployments.Model;
using Deployments.Storage;

namespace Deployments.Service;

/// <summary>A deployment's analysis as its readers see it: every run with its measurements.</summary>
/// <param name="DeploymentId">Deployment analysed.</param>
/// <param name="Runs">Runs in the order they started.</param>
/// <param name="Index">
/// Grows with every measurement and verdict (never shrinks), so a blocking read can wait for it to pass a value.
/// </param>
public sealed record AnalysisReport(Guid DeploymentId, IReadOnlyList<AnalysisRunReport> Runs, long Index);

/// <summary>One run and its measurements.</summary>
/// <param name="Run">The run, with its metrics and verdict.</param>
/// <param name="Measurements">Its measurements, by metric then sequence.</param>
public sealed record AnalysisRunReport(AnalysisRun Run, IReadOnlyList<Measurement> Measurements);

/// <summary>Reads a deployment's analysis runs, under the deployment's namespace rules.</summary>
public sealed class DeploymentAnalysis(DeploymentStore deployments, AnalysisRunStore runs)
{
    /// <summary>The deployment's runs and measurements; not found when the deployment is missing or out of the caller's scope.</summary>
    public async Task<AnalysisReport> ReadAsync(Guid deploymentId, CancellationToken cancellationToken)
    {
        // Reading the deployment first applies its namespace's scope: runs carry no namespace of their own.
        await deployments.GetRequiredAsync(deploymentId, cancellationToken);
        var found = await runs.ForDeploymentAsync(deploymentId, cancellationToken);
        var index = found.Sum(r => r.Measurements.Count + (r.Run.Phase == AnalysisPhase.Running ? 1L : 2L));
        return new AnalysisReport(deploymentId, [.. found.Select(r => new AnalysisRunReport(r.Run, r.Measurements))], index);
    }
}
