using System.Globalization;
using System.Runtime.CompilerServices;
using Deployments.Cli.Http;

namespace Deployments.Cli.Watch;

/// <summary>
/// The changes of one deployment, from the API's blocking reads: each read answers as soon as the modify
/// index passes the last one seen (or after a minute with nothing new), so nothing polls in a loop. A
/// deployment that analysis judges is followed by a second blocking read on its analysis, whose measurements
/// arrive without the deployment itself changing.
/// </summary>
internal sealed class DeploymentFollower(ControlPlaneClient client)
{
    /// <summary>How long the server holds a read open when nothing changes.</summary>
    public const string Wait = "60s";

    public async IAsyncEnumerable<DeploymentSnapshot> ChangesAsync(Guid id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Ends the read left open on the other resource once the caller stops following.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long index = 0;
        long analysisIndex = 0;
        var deploymentRead = ReadAsync($"api/deployments/{id}", index, stop.Token);
        Task<ApiResult>? analysisRead = null;
        DeploymentSnapshot? last = null;
        try
        {
            while (true)
            {
                if (analysisRead is null || await Task.WhenAny(deploymentRead, analysisRead) == deploymentRead)
                {
                    var read = await deploymentRead;
                    var seen = read.ModifyIndex ?? read.As<WatchedDeployment>().ModifyIndex;
                    if (index > 0 && seen <= index)
                    {
                        // The wait ran out with nothing new: ask again from the same index.
                        deploymentRead = ReadAsync($"api/deployments/{id}", index, stop.Token);
                        continue;
                    }

                    index = seen;
                    deploymentRead = ReadAsync($"api/deployments/{id}", index, stop.Token);
                    var (snapshot, readIndex) = await SnapshotAsync(id, read, stop.Token);
                    if (snapshot.Analysis is not null)
                    {
                        analysisIndex = Math.Max(analysisIndex, readIndex);
                        analysisRead ??= ReadAsync($"api/deployments/{id}/analysis", analysisIndex, stop.Token);
                    }

                    last = snapshot;
                    yield return snapshot;
                }
                else
                {
                    var read = await analysisRead;
                    var seen = read.ModifyIndex ?? 0;
                    var changed = seen > analysisIndex && last is not null;
                    analysisIndex = Math.Max(analysisIndex, seen);
                    analysisRead = ReadAsync($"api/deployments/{id}/analysis", analysisIndex, stop.Token);
                    if (changed)
                    {
                        last = last! with { Analysis = AnalysisState.From(read) };
                        yield return last;
                    }
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await AbandonAsync(deploymentRead);
            await AbandonAsync(analysisRead);
        }
    }

    public async Task<DeploymentSnapshot> CurrentAsync(Guid id, CancellationToken cancellationToken) =>
        (await SnapshotAsync(id, await client.GetAsync($"api/deployments/{id}", cancellationToken), cancellationToken)).Snapshot;

    /// <summary>The deployment with its allocations, timeline and, when analysis judges it, its analysis and that read's index.</summary>
    private async Task<(DeploymentSnapshot Snapshot, long AnalysisIndex)> SnapshotAsync(Guid id, ApiResult read, CancellationToken cancellationToken)
    {
        var deployment = read.As<WatchedDeployment>();
        var allocations = (await client.GetAsync($"api/deployments/{id}/allocations", cancellationToken)).As<List<AllocationState>>();
        var events = (await client.GetAsync($"api/deployments/{id}/events", cancellationToken)).As<List<EventState>>();
        if (!deployment.HasAnalysis)
        {
            return (new DeploymentSnapshot(deployment, allocations, events, read.Body), 0);
        }

        // Read with every change of the deployment, so the frame that shows a verdict's effect shows the verdict too.
        var analysis = await client.GetAsync($"api/deployments/{id}/analysis", cancellationToken);
        return (new DeploymentSnapshot(deployment, allocations, events, read.Body, AnalysisState.From(analysis)), analysis.ModifyIndex ?? 0);
    }

    private Task<ApiResult> ReadAsync(string path, long index, CancellationToken cancellationToken) =>
        client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"{path}?index={index}&wait={Wait}"), cancellationToken);

    /// <summary>Waits for a read that is no longer wanted to end; whatever it ends with is of no use.</summary>
    private static async Task AbandonAsync(Task<ApiResult>? read)
    {
        if (read is null)
        {
            return;
        }

        try
        {
            await read;
        }
        catch (Exception)
        {
            // Cancelled by the caller's stop, or failed after it: the follow has ended either way.
        }
    }
}
