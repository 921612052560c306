using Azure.Data.Tables;
using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Storage;

/// <summary>
/// Analysis runs and their measurements, in one partition per deployment: a deployment's whole analysis is one
/// partition read. A measurement's row key is its run, metric and sequence, so a measurement written again by a
/// re-run activity lands on the same row: never doubled.
/// </summary>
public sealed class AnalysisRunStore(DeploymentTables tables)
{
    private const string RunPrefix = "run|";
    private const string MeasurementPrefix = "m|";

    /// <summary>Records a run as started; a run already recorded under its id is returned as it stands.</summary>
    public async Task<AnalysisRun> StartAsync(AnalysisRun run, CancellationToken cancellationToken)
    {
        try
        {
            await tables.AnalysisRuns.InsertAsync(Key(run.DeploymentId), RunPrefix + run.Id, run, cancellationToken);
            return run;
        }
        catch (DocumentConflictException)
        {
            return (await tables.AnalysisRuns.GetAsync<AnalysisRun>(Key(run.DeploymentId), RunPrefix + run.Id, cancellationToken))!.Document;
        }
    }

    /// <summary>Records a run's verdict.</summary>
    public Task<AnalysisRun> FinishAsync(Guid deploymentId, string runId, AnalysisPhase phase, string? message, DateTimeOffset at, CancellationToken cancellationToken) =>
        tables.AnalysisRuns.UpdateAsync<AnalysisRun>(Key(deploymentId), RunPrefix + runId,
            run => run.Phase == phase && run.Message == message ? run : run with { Phase = phase, Message = message, EndedAt = run.EndedAt ?? at },
            () => new NotFoundException("analysis run", $"{deploymentId}/{runId}"), cancellationToken);

    /// <summary>The measurement stored under its identity; null when none was.</summary>
    public async Task<Measurement?> GetMeasurementAsync(Guid deploymentId, string runId, string metric, int sequence, CancellationToken cancellationToken) =>
        (await tables.AnalysisRuns.GetAsync<Measurement>(Key(deploymentId), MeasurementKey(runId, metric, sequence), cancellationToken))?.Document;

    /// <summary>Stores a measurement; a re-run writing the same identity overwrites, one transaction either way.</summary>
    public Task SaveMeasurementAsync(Guid deploymentId, Measurement measurement, CancellationToken cancellationToken) =>
        tables.AnalysisRuns.UpsertAsync(Key(deploymentId), MeasurementKey(measurement.RunId, measurement.Metric, measurement.Sequence), measurement, cancellationToken);

    /// <summary>Every run of the deployment with its measurements, runs in the order they started.</summary>
    public async Task<IReadOnlyList<(AnalysisRun Run, IReadOnlyList<Measurement> Measurements)>> ForDeploymentAsync(Guid deploymentId, CancellationToken cancellationToken)
    {
        var partition = Key(deploymentId);
        var runs = await tables.AnalysisRuns.ListAsync<AnalysisRun>(Range(partition, RunPrefix), cancellationToken);
        var measurements = await tables.AnalysisRuns.ListAsync<Measurement>(Range(partition, MeasurementPrefix), cancellationToken);
        var byRun = measurements.GroupBy(m => m.RunId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<Measurement>)[.. g.OrderBy(m => m.Metric, StringComparer.Ordinal).ThenBy(m => m.Sequence)], StringComparer.Ordinal);
        return [.. runs.OrderBy(r => r.StartedAt).Select(r => (r, byRun.TryGetValue(r.Id, out var list) ? list : (IReadOnlyList<Measurement>)[]))];
    }

    /// <summary>The rows of a partition whose keys start with <paramref name="prefix"/> ('|' + 1 is '}').</summary>
    private static string Range(string partition, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    private static string MeasurementKey(string runId, string metric, int sequence) => $"{MeasurementPrefix}{runId}|{metric}|{sequence:D6}";

    private static string Key(Guid id) => id.ToString("N");
}
