using System.Text.Json;
using Deployments.Drivers;
using Deployments.Model;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Tests.Infrastructure;

/// <summary>Steps the behaviour tests share: a first successful deployment, timeline waits, what runs where.</summary>
internal static class DeploymentsTestHostExtensions
{
    /// <summary>Deploys the app (its current revision, or a new one) with a fast rolling rollout and waits for it to succeed.</summary>
    public static async Task<Deployment> DeploySuccessfullyAsync(this DeploymentsTestHost host, Guid appId, RevisionSpec? newRevision = null, string actor = "alice")
    {
        var started = await host.Deployments.CreateAsync(new CreateDeploymentRequest(appId, Strategy.Rolling, actor,
            NewRevision: newRevision, Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
        var done = await host.WaitForEndAsync(started.Id);
        Assert.True(done.Status == DeploymentStatus.Successful, $"The setup deployment ended {done.Status}: {done.StatusDescription}");
        return done;
    }

    /// <summary>Waits until the deployment's timeline has an entry of <paramref name="kind"/>, and returns the timeline.</summary>
    public static Task<IReadOnlyList<DeploymentEvent>> WaitForEventAsync(this DeploymentsTestHost host, Guid deploymentId, string kind, TimeSpan? timeout = null) =>
        Polling.UntilAsync($"a '{kind}' entry on the timeline of deployment {deploymentId}", async token =>
        {
            var timeline = await host.Deployments.EventsAsync(deploymentId, token);
            return timeline.Any(e => e.Kind == kind) ? timeline : null;
        }, timeout ?? DeploymentsTestHost.DefaultTimeout);

    public static async Task<App?> AppAsync(this DeploymentsTestHost host, Guid appId) =>
        await host.Services.GetRequiredService<AppStore>().GetAsync(appId, CancellationToken.None);

    public static async Task<IReadOnlyList<Allocation>> AllocationsOfAppAsync(this DeploymentsTestHost host, Guid appId) =>
        await host.Services.GetRequiredService<AllocationStore>().ForAppAsync(appId, CancellationToken.None);

    /// <summary>Ids of the allocations whose processes the process driver still runs, whichever cluster placed them.</summary>
    public static async Task<IReadOnlySet<string>> LiveProcessesAsync(this DeploymentsTestHost host)
    {
        var driver = host.Services.GetRequiredService<TargetDriverRegistry>().Get("process");
        var cluster = new ClusterTarget("inspect", "process", new Dictionary<string, string> { ["stateDirectory"] = host.StateDirectory });
        return (await driver.ListAsync(cluster, CancellationToken.None)).Select(r => r.AllocationId).ToHashSet();
    }

    /// <summary>The version a running sample instance answers with on "/": what its process really got as VERSION.</summary>
    public static async Task<string?> SampleVersionAsync(Allocation allocation)
    {
        using var response = await Http.GetAsync(new Uri(new Uri(allocation.Address!), "/"));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return body.RootElement.GetProperty("version").GetString();
    }

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
}
