using System.Diagnostics;
using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Service;
using Microsoft.DurableTask.Client;
using StubPlatform;

namespace Deployments.Bench;

/// <summary>
/// Starts one deployment per app all at once and waits until every one has ended. Any rollout that does not
/// end successful fails the whole run: a benchmark of rollouts that did not happen measures nothing.
/// </summary>
internal sealed class RolloutWave(BenchHosts hosts, StubPlatformServer platform, EngineProfile profile, CpuClock cpu)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private static readonly OrchestrationRuntimeStatus[] Ended =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>
    /// With <paramref name="fromOtherInstance"/> the deployments are created through the observer: the start message
    /// reaches the worker's control queue from another process's client, as it does when a scaled-out app's HTTP
    /// request lands on an instance that does not own the queue, so nothing wakes the worker's polling early.
    /// </summary>
    public async Task<WaveResult> RunAsync(string name, IReadOnlyList<App> apps, Func<App, CreateDeploymentRequest> request, bool fromOtherInstance = false)
    {
        var creator = fromOtherInstance ? hosts.ObserverDeployments : hosts.Deployments;
        profile.Take();
        var transactionsBefore = Count();
        var platformBefore = platform.Counters.Requests;
        var cpuBefore = cpu.Now();
        var clock = Stopwatch.StartNew();
        var waveStart = DateTimeOffset.UtcNow;

        var started = await Task.WhenAll(apps.Select(async app =>
        {
            StorageScope.Enter(fromOtherInstance ? StorageScope.Observer : "client: create deployment");
            var at = DateTimeOffset.UtcNow;
            var deployment = await creator.CreateAsync(request(app), CancellationToken.None);
            return (Deployment: deployment, At: at);
        }));
        var createSeconds = clock.Elapsed.TotalSeconds;

        var ended = await WaitForEndAsync(started.Select(s => s.Deployment.InstanceId).ToHashSet(), waveStart);
        await RequireSuccessAsync(name, started.Select(s => s.Deployment).ToList(), ended);
        await WaitForNotificationsAsync(waveStart);
        var countedSeconds = clock.Elapsed.TotalSeconds;
        var transactions = Count() - transactionsBefore;
        var cpuUsed = cpu.Now() - cpuBefore;
        var engine = profile.Take();

        // The engine stamps completion with the same system clock the start times were read from.
        var durations = started.Select(s => (ended[s.Deployment.InstanceId].LastUpdatedAt - s.At).TotalMilliseconds).ToList();
        var wallSeconds = (ended.Values.Max(m => m.LastUpdatedAt) - started.Min(s => s.At)).TotalSeconds;
        return new WaveResult(name, apps.Count, wallSeconds, createSeconds, countedSeconds, durations, transactions, engine,
            platform.Counters.Requests - platformBefore, cpuUsed);
    }

    private TransactionCount Count() => new(hosts.Transactions.Tables, hosts.Transactions.Queues, hosts.Transactions.Blobs);

    /// <summary>Polls the instances table (one query, not one read per rollout) until every instance of the wave is terminal.</summary>
    private async Task<Dictionary<string, OrchestrationMetadata>> WaitForEndAsync(HashSet<string> instanceIds, DateTimeOffset waveStart)
    {
        var ended = new Dictionary<string, OrchestrationMetadata>();
        var deadline = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (ended.Count < instanceIds.Count)
        {
            foreach (var instance in await QueryAsync("deployment-", waveStart, Ended, outputs: true))
            {
                if (instanceIds.Contains(instance.InstanceId))
                {
                    ended[instance.InstanceId] = instance;
                }
            }

            if (deadline.Elapsed > Timeout)
            {
                throw new TimeoutException($"Only {ended.Count} of {instanceIds.Count} rollouts ended within {Timeout.TotalMinutes} minutes.");
            }

            if (deadline.Elapsed - lastReport > TimeSpan.FromSeconds(15))
            {
                lastReport = deadline.Elapsed;
                Console.WriteLine($"  ... {ended.Count}/{instanceIds.Count} rollouts ended after {deadline.Elapsed.TotalSeconds:F0} s");
            }

            if (ended.Count < instanceIds.Count)
            {
                await Task.Delay(PollInterval);
            }
        }

        return ended;
    }

    private async Task RequireSuccessAsync(string name, List<Deployment> deployments, Dictionary<string, OrchestrationMetadata> ended)
    {
        StorageScope.Enter(StorageScope.Observer);
        var failures = new List<string>();
        foreach (var deployment in deployments)
        {
            var instance = ended[deployment.InstanceId];
            var outcome = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<RolloutOutcome>() : null;
            if (outcome?.Status != DeploymentStatus.Successful)
            {
                failures.Add($"{deployment.Id:N}: orchestration {instance.RuntimeStatus}, outcome {outcome?.Status} '{outcome?.Description}' {instance.FailureDetails?.ErrorMessage}");
                continue;
            }

            var stored = await hosts.ObserverDeployments.GetRequiredAsync(deployment.Id, CancellationToken.None);
            if (stored.Status != DeploymentStatus.Successful)
            {
                failures.Add($"{deployment.Id:N}: orchestration succeeded but the deployment reads {stored.Status} '{stored.StatusDescription}'");
            }
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{failures.Count} of {deployments.Count} rollouts of the {name} did not end successful:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", failures.Take(10)));
        }
    }

    /// <summary>Each status change starts a notification orchestration; its storage cost belongs to the wave that caused it.</summary>
    private async Task WaitForNotificationsAsync(DateTimeOffset waveStart)
    {
        var deadline = Stopwatch.StartNew();
        while ((await QueryAsync("notify-", waveStart, [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running], outputs: false)).Count > 0)
        {
            if (deadline.Elapsed > Timeout)
            {
                throw new TimeoutException("Notification orchestrations of the wave did not finish.");
            }

            await Task.Delay(PollInterval);
        }
    }

    private async Task<List<OrchestrationMetadata>> QueryAsync(string prefix, DateTimeOffset createdFrom, IReadOnlyCollection<OrchestrationRuntimeStatus> statuses, bool outputs)
    {
        StorageScope.Enter(StorageScope.Observer);
        var found = new List<OrchestrationMetadata>();
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = prefix,
            CreatedFrom = createdFrom.AddSeconds(-1),
            Statuses = statuses,
            PageSize = 1000,
            FetchInputsAndOutputs = outputs,
        };
        await foreach (var instance in hosts.ObserverClient.GetAllInstancesAsync(query))
        {
            found.Add(instance);
        }

        return found;
    }
}
