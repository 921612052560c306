using Deployments.Model;
using Deployments.Refusals;
using Deployments.Service;

namespace Deployments.Api.Seeds.Nomad;

/// <summary>
/// Deployments in Nomad's shape, with what the record does not carry itself: the app's name (the job ID) and the
/// ids of the canaries placed, read only for deployments that placed some.
/// </summary>
internal sealed class NomadDeployments(DeploymentService deployments, AppCatalog apps, ClusterCatalog clusters)
{
    private static readonly ILookup<string, Guid> NoCanaries = Array.Empty<Allocation>().ToLookup(a => a.Group, a => a.Id);

    public async Task<List<NomadDeployment>> ShapeAsync(IReadOnlyList<Deployment> found, CancellationToken cancellationToken)
    {
        var known = new Dictionary<Guid, App?>();
        var shaped = new List<NomadDeployment>(found.Count);
        foreach (var deployment in found)
        {
            if (!known.TryGetValue(deployment.AppId, out var app))
            {
                app = await apps.FindAppAsync(deployment.AppId, cancellationToken);
                known[deployment.AppId] = app;
            }

            var canaries = deployment.Groups.Values.Any(g => g.Canaries > 0)
                ? (await deployments.AllocationsAsync(deployment.Id, cancellationToken)).Where(a => a.Canary).ToLookup(a => a.Group, a => a.Id)
                : NoCanaries;
            shaped.Add(NomadDeployment.From(deployment, app, canaries));
        }

        return shaped;
    }

    public async Task<NomadDeployment> ShapeAsync(Deployment deployment, CancellationToken cancellationToken) =>
        (await ShapeAsync([deployment], cancellationToken))[0];

    /// <summary>
    /// The job version a failure of the deployment reverts to, as Nomad's answer reports it: with auto-revert, the
    /// app's stable revision when it is another one (the rollout's own rule); null when nothing reverts.
    /// </summary>
    public async Task<int?> RevertsToAsync(Deployment deployment, CancellationToken cancellationToken) =>
        deployment.Options.AutoRevert && await apps.FindAppAsync(deployment.AppId, cancellationToken) is { StableRevision: { } stable } && stable != deployment.Revision
            ? stable
            : null;

    /// <summary>The deployment's allocations as Nomad's stubs, named <c>job.group[index]</c> by their order of creation in the group.</summary>
    public async Task<List<NomadAllocation>> AllocationsAsync(Deployment deployment, IReadOnlyList<Allocation> allocations, CancellationToken cancellationToken)
    {
        var jobId = (await apps.FindAppAsync(deployment.AppId, cancellationToken))?.Name ?? deployment.AppId.ToString();
        var node = await NodeNameAsync(deployment.ClusterId, cancellationToken);
        return [.. allocations
            .GroupBy(a => a.Group)
            .SelectMany(g => g.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select((a, index) => NomadAllocation.From(a, deployment, jobId, node, index)))
            .OrderBy(a => a.CreateTime)];
    }

    /// <summary>The cluster's name; its id when the cluster is gone, so the allocations still read.</summary>
    private async Task<string> NodeNameAsync(Guid clusterId, CancellationToken cancellationToken)
    {
        try
        {
            return (await clusters.GetClusterAsync(clusterId, cancellationToken)).Name;
        }
        catch (NotFoundException)
        {
            return clusterId.ToString();
        }
    }
}
