using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class CrashRecoveryTests(AzuriteFixture azurite)
{
    private const int Instances = 10;
    private const int Steps = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task WorkerKilledMidChain_AnotherWorkerFinishesEveryInstanceWithoutDuplicatedSteps()
    {
        var hub = azurite.NewHubName();
        await using var client = await DurableTestHost.StartAsync(azurite.ConnectionString, hub, RegisterSlowChain, runWorker: false);

        // Leases as short as the replacement's, because messages the killed process held come back only when its leases lapse.
        var leases = new Dictionary<string, string>
        {
            ["storageProvider:workItemQueueVisibilityTimeout"] = Lease.ToString(),
            ["storageProvider:controlQueueVisibilityTimeout"] = Lease.ToString(),
            ["storageProvider:maxQueuePollingInterval"] = "00:00:00.500",
        };
        await using var doomed = await SampleWorkerProcess.StartAsync(azurite.ConnectionString, hub, leases, TimeSpan.FromSeconds(60));
        var ids = new List<string>();
        for (var i = 0; i < Instances; i++)
        {
            ids.Add(await client.Client.ScheduleNewOrchestrationInstanceAsync("SlowChain", new SlowChainInput(Steps, StepMilliseconds: 200), new StartOrchestrationOptions($"crash-{i:D2}")));
        }

        await WaitUntilAnyReachedStepAsync(client, ids, step: 2);
        await doomed.KillAsync();
        var atKill = await Task.WhenAll(ids.Select(id => client.Client.GetInstanceAsync(id)));
        Assert.Contains(atKill, instance => instance is { IsCompleted: false });

        await using var survivor = await DurableTestHost.StartAsync(azurite.ConnectionString, hub, RegisterSlowChain, options =>
        {
            options.StorageProvider.WorkItemQueueVisibilityTimeout = Lease;
            options.StorageProvider.ControlQueueVisibilityTimeout = Lease;
        });
        var results = await survivor.WaitAllAsync(ids, TimeSpan.FromSeconds(60));

        var sumOfSquares = Enumerable.Range(1, Steps).Sum(step => (long)step * step);
        Assert.All(results, result =>
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
            Assert.Equal(sumOfSquares, result.ReadOutputAs<long>());
        });
        foreach (var id in ids)
        {
            var history = await survivor.Client.GetOrchestrationHistoryAsync(id);
            HistoryAssert.EachStepCommittedOnce(history);
            Assert.Equal(Steps, history.OfType<TaskCompleted>().Count());
        }
    }

    private static async Task WaitUntilAnyReachedStepAsync(DurableTestHost client, List<string> ids, int step)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            foreach (var id in ids)
            {
                if (await client.Client.GetInstanceAsync(id, cancellationToken: deadline.Token) is { SerializedCustomStatus: not null } instance
                    && instance.ReadCustomStatusAs<int>() >= step)
                {
                    return;
                }
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>The same orchestration and activity as the sample's SlowChain, so either process can continue the other's work.</summary>
    private static void RegisterSlowChain(DurableTaskRegistry registry) => registry
        .AddActivityFunc<SlowStepInput, long>("SlowStep", async (context, input) =>
        {
            await Task.Delay(input.Milliseconds, context.CancellationToken);
            return input.Step * (long)input.Step;
        })
        .AddOrchestratorFunc<SlowChainInput, long>("SlowChain", async (context, input) =>
        {
            long sum = 0;
            for (var step = 1; step <= input.Steps; step++)
            {
                sum += await context.CallActivityAsync<long>("SlowStep", new SlowStepInput(step, input.StepMilliseconds));
                context.SetCustomStatus(step);
            }

            return sum;
        });

    private sealed record SlowChainInput(int Steps, int StepMilliseconds);

    private sealed record SlowStepInput(int Step, int Milliseconds);
}
