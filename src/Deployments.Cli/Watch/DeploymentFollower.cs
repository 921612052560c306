using System.Globalization;
using System.Runtime.CompilerServices;
using Deployments.Cli.Http;

namespace Deployments.Cli.Watch;

/// <summary>
/// The changes of one deployment, from the API's blocking reads: each read answers as soon as the modify
/// index passes the last one seen (or after a minute with nothing new), so nothing polls in a loop.
/// </summary>
internal sealed class DeploymentFollower(ControlPlaneClient client)
{
    /// <summary>How long the server holds a read open when nothing changes.</summary>
    public const string Wait = "60s";

    public async IAsyncEnumerable<DeploymentSnapshot> ChangesAsync(Guid id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long index = 0;
        while (true)
        {
            var read = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"api/deployments/{id}?index={index}&wait={Wait}"), cancellationToken);
            var deployment = read.As<WatchedDeployment>();
            var seen = read.ModifyIndex ?? deployment.ModifyIndex;
            if (index > 0 && seen <= index)
            {
                // The wait ran out with nothing new: ask again from the same index.
                continue;
            }

            index = seen;
            yield return await SnapshotAsync(id, read, cancellationToken);
        }
    }

    public async Task<DeploymentSnapshot> CurrentAsync(Guid id, CancellationToken cancellationToken) =>
        await SnapshotAsync(id, await client.GetAsync($"api/deployments/{id}", cancellationToken), cancellationToken);

    private async Task<DeploymentSnapshot> SnapshotAsync(Guid id, ApiResult read, CancellationToken cancellationToken)
    {
        var allocations = (await client.GetAsync($"api/deployments/{id}/allocations", cancellationToken)).As<List<AllocationState>>();
        var events = (await client.GetAsync($"api/deployments/{id}/events", cancellationToken)).As<List<EventState>>();
        return new DeploymentSnapshot(read.As<WatchedDeployment>(), allocations, events, read.Body);
    }
}
