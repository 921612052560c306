using Durable.Messaging;
using Durable.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Durable.Tests;

public sealed class ExternalEventTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Event_RaisedBeforeTheWait_IsBufferedNotLost()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddActivityFunc<string, string>("Gate", async (_, _) =>
            {
                await gate.Task;
                return "opened";
            })
            .AddOrchestratorFunc<string, string>("WaitAfterGate", async (context, _) =>
            {
                await context.CallActivityAsync<string>("Gate");
                return await context.WaitForExternalEvent<string>("go");
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("WaitAfterGate");
        await host.Client.RaiseEventAsync(id, "go", "early payload");

        // The event is recorded while the orchestrator is still busy with the activity, so nothing waits for it yet.
        await host.WaitForHistoryAsync(id, history => history.OfType<EventRaised>().Any());
        gate.SetResult();
        var result = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("early payload", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_RaisedWhileTheOrchestratorWaits_IsDelivered()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), RegisterWaiter);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await host.WaitUntilAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting");
        await host.Client.RaiseEventAsync(id, "go", "late payload");
        var result = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("late payload", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_RaisedBeforeTheInstanceIsCreated_IsDeliveredOnceItStarts()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), RegisterWaiter);

        // Several at once, as a client would do it: raise, then start at once, racing the worker's inbox write.
        var ids = Enumerable.Range(0, 5).Select(i => $"early-{i}").ToList();
        await Task.WhenAll(ids.Select(async id =>
        {
            await host.Client.RaiseEventAsync(id, "go", $"for {id}");
            await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", null, new StartOrchestrationOptions(id));
        }));
        var results = await Task.WhenAll(ids.Select(id => host.WaitAsync(id)));

        Assert.All(results, result =>
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
            Assert.Equal($"for {result.InstanceId}", result.ReadOutputAs<string>());
        });
    }

    [Fact]
    public async Task WaitForExternalEvent_WithTimeoutAndNoEvent_ThrowsTaskCanceledException()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), registry => registry
            .AddOrchestratorFunc<string, string>("WaitBriefly", async (context, _) =>
            {
                try
                {
                    return await context.WaitForExternalEvent<string>("never", TimeSpan.FromSeconds(1));
                }
                catch (TaskCanceledException)
                {
                    return "timed out";
                }
            }));

        var result = await host.RunAsync("WaitBriefly");
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("timed out", result.ReadOutputAs<string>());
        Assert.Single(history.OfType<TimerFired>());
    }

    [Fact]
    public async Task Event_DeliveredTwice_IsAppliedOnce()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), RegisterCounter);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("CountEvents");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        // The same queue message text twice, as a queue redelivers it: same message id inside.
        var codec = host.Services.GetRequiredService<QueueMessageCodec>();
        var raised = TaskMessage.Create(id, null, new EventRaised("item", DurableJson.Serialize("x"), Guid.NewGuid().ToString("N")) { Timestamp = DateTime.UtcNow }, DateTime.UtcNow);
        var text = await codec.EncodeAsync(raised);
        var queue = host.Storage.ControlQueueFor(id);
        await queue.SendMessageAsync(text);
        await queue.SendMessageAsync(text);
        await DurableTestHost.WaitForEmptyQueueAsync(queue);
        await host.Client.RaiseEventAsync(id, "item", "stop");
        var result = await host.WaitAsync(id);
        var history = await host.Client.GetOrchestrationHistoryAsync(id);

        Assert.Equal(1, result.ReadOutputAs<int>());
        Assert.Single(history.OfType<EventRaised>(), e => e.MessageId == ((EventRaised)raised.Event).MessageId);
    }

    [Fact]
    public async Task Event_RedeliveredAfterItWasApplied_IsDroppedAsDuplicate()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(), RegisterCounter);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("CountEvents");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        var codec = host.Services.GetRequiredService<QueueMessageCodec>();
        var raised = TaskMessage.Create(id, null, new EventRaised("item", DurableJson.Serialize("x"), Guid.NewGuid().ToString("N")) { Timestamp = DateTime.UtcNow }, DateTime.UtcNow);
        var text = await codec.EncodeAsync(raised);
        var queue = host.Storage.ControlQueueFor(id);
        await queue.SendMessageAsync(text);
        await host.WaitForHistoryAsync(id, history => history.OfType<EventRaised>().Any());
        await queue.SendMessageAsync(text);
        await DurableTestHost.WaitForEmptyQueueAsync(queue);
        await host.Client.RaiseEventAsync(id, "item", "stop");
        var result = await host.WaitAsync(id);

        Assert.Equal(1, result.ReadOutputAs<int>());
    }

    private static void RegisterWaiter(DurableTaskRegistry registry) => registry
        .AddOrchestratorFunc<string, string>("Waiter", async (context, _) =>
        {
            context.SetCustomStatus("waiting");
            return await context.WaitForExternalEvent<string>("go");
        });

    /// <summary>Counts "item" events until one says "stop".</summary>
    private static void RegisterCounter(DurableTaskRegistry registry) => registry
        .AddOrchestratorFunc<string, int>("CountEvents", async (context, _) =>
        {
            var count = 0;
            while (await context.WaitForExternalEvent<string>("item") != "stop")
            {
                count++;
            }

            return count;
        });
}
