using Azure.Storage.Queues;
using Durable.Tests.Infrastructure;
using TestSupport;

namespace Durable.Tests;

public sealed class PoisonMessageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UndecodableMessage_ForARunningInstance_IsMovedToPoisonQueueAndFailsTheInstance()
    {
        var hub = azurite.NewHubName();
        await using var host = await StartAsync(hub);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("WaitForever");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        // A well-formed envelope whose body blob does not exist: it can never be decoded.
        var control = new QueueClient(azurite.ConnectionString, $"{hub.ToLowerInvariant()}-control-{host.Storage.Names.PartitionOf(id):D2}");
        await control.SendMessageAsync($$"""{"blob":"{{id}}/message-that-was-never-written.json","instanceId":"{{id}}"}""");
        var failed = await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Failed);
        await DurableTestHost.WaitForEmptyQueueAsync(control);
        var poisoned = await PeekAllAsync(new QueueClient(azurite.ConnectionString, $"{hub.ToLowerInvariant()}-poison"));

        Assert.Equal("PoisonMessage", failed.FailureDetails!.ErrorType);
        Assert.Contains(control.Name, failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        var record = Assert.Single(poisoned);
        Assert.Contains(id, record, StringComparison.Ordinal);
        Assert.Contains("message-that-was-never-written", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarbageMessage_NamingNoInstance_EndsInPoisonQueueInsteadOfLooping()
    {
        var hub = azurite.NewHubName();
        await using var host = await StartAsync(hub);
        await host.Storage.EnsureCreatedAsync();

        var control = new QueueClient(azurite.ConnectionString, $"{hub.ToLowerInvariant()}-control-00");
        await control.SendMessageAsync("this is not json");
        await DurableTestHost.WaitForEmptyQueueAsync(control);
        var poisoned = await PeekAllAsync(new QueueClient(azurite.ConnectionString, $"{hub.ToLowerInvariant()}-poison"));

        Assert.Contains("this is not json", Assert.Single(poisoned), StringComparison.Ordinal);
    }

    private Task<DurableTestHost> StartAsync(string hub) =>
        DurableTestHost.StartAsync(azurite.ConnectionString, hub, registry => registry
            .AddOrchestratorFunc<string, string>("WaitForever", (context, _) => context.WaitForExternalEvent<string>("never")),
            options =>
            {
                options.StorageProvider.PoisonMessageDequeueCount = 2;
                options.StorageProvider.MessageRetryDelay = TimeSpan.FromMilliseconds(100);
                options.StorageProvider.ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(2);
            });

    private static async Task<List<string>> PeekAllAsync(QueueClient queue) =>
        [.. (await queue.PeekMessagesAsync(32)).Value.Select(m => m.MessageText)];
}
